package id.parkir.api.parking;

/** An installed plugin as listed: its id, human name, and whether it is the one in use. */
public record PluginInfo(String id, String name, boolean inUse, String description) {
}
