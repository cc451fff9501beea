package id.parkir.api.parking;

/**
 * A vehicle at the exit: the ticket, or the plate when {@code lostTicket} is set. A plate given
 * together with a ticket is checked against the entry plate.
 */
public record ExitCommand(String ticket, String plate, boolean lostTicket, byte[] image) {
}
