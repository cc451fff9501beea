package id.parkir.api;

/**
 * Prices a stay. Registered as a DS service with the properties {@link PluginProperties#ID} and
 * {@link PluginProperties#NAME}; the core uses the rule named in its configuration.
 */
public interface TariffRule {
    Fee quote(Stay stay);

    /** A human-readable description of the rule's current parameters, for the shell and the UI. */
    String describe();
}
