package id.parkir.api;

/** Service properties every Parkir plugin (tariff rule, payment method, ...) carries. */
public final class PluginProperties {
    /** Stable identifier, e.g. {@code cash}, {@code progressive}. */
    public static final String ID = "parkir.id";
    /** Human name shown in lists, e.g. {@code Tunai (cash)}. */
    public static final String NAME = "parkir.name";

    private PluginProperties() {
    }
}
