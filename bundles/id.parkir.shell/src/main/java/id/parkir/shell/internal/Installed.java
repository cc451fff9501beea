package id.parkir.shell.internal;

/** Commands whose service comes with an optional feature say so, rather than fail, while it is absent. */
final class Installed {
    static final String NVR = "The NVR is not installed (feature:install parkir-nvr)";
    static final String ANPR = "No plate recogniser is installed";

    private Installed() {
    }

    /** True (and prints {@code message}) when {@code service} is absent. */
    static boolean missing(Object service, String message) {
        if (service == null) {
            System.out.println(message);
            return true;
        }
        return false;
    }
}
