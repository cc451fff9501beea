package id.parkir.shell.internal;

/** What the nvr:* commands share. */
final class NvrShell {
    private NvrShell() {
    }

    /** True (and says so) when the NVR feature is not installed. */
    static boolean missing(Object service) {
        if (service == null) {
            System.out.println("The NVR is not installed (feature:install parkir-nvr)");
            return true;
        }
        return false;
    }
}
