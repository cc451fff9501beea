package id.parkir.api.anpr;

/** An axis-aligned rectangle in pixels of the image it was found in. */
public record Box(int x, int y, int w, int h) {

    /** Intersection over union, 0..1: how well two boxes agree. */
    public double iou(Box o) {
        int ix = Math.max(0, Math.min(x + w, o.x + o.w) - Math.max(x, o.x));
        int iy = Math.max(0, Math.min(y + h, o.y + o.h) - Math.max(y, o.y));
        double inter = (double) ix * iy;
        double union = (double) w * h + (double) o.w * o.h - inter;
        return union <= 0 ? 0 : inter / union;
    }
}
