package id.parkir.api.nvr;

import java.util.List;

/**
 * The site's cameras. Passwords are stored encrypted and leave this service only inside
 * {@link #streamUrl(String)}, for a {@link CameraDriver}.
 */
public interface CameraService {
    List<CameraView> list();

    /** @throws id.parkir.api.ParkirException {@code camera_not_found} */
    CameraView get(String id);

    /** @throws id.parkir.api.ParkirException {@code camera_invalid} (with what is wrong) or {@code camera_exists} */
    CameraView add(CameraSpec spec);

    /** @throws id.parkir.api.ParkirException as {@link #add} and {@link #get} */
    CameraView update(String id, CameraSpec spec);

    /** @throws id.parkir.api.ParkirException {@code camera_not_found} */
    void remove(String id);

    /** The address a driver opens: with the user name and the decrypted password. */
    String streamUrl(String id);
}
