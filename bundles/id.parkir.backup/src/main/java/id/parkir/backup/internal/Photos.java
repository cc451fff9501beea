package id.parkir.backup.internal;

import id.parkir.api.ParkirData;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.nio.file.Paths;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.slf4j.LoggerFactory;

/**
 * Gate photos as the image store keeps them: {@code <image folder>/yyyy/MM/dd/<file>} by the site's
 * local date. A backup takes the folders of the last days; a restore adds the photos that are
 * missing (names are unique per photo, so one already there is the same photo) and never deletes one.
 */
final class Photos {
    /** A photo: its path below the image folder (yyyy/MM/dd/name) and its file. */
    record Photo(String relative, Path file) {
    }

    private Photos() {
    }

    /** The image store's folder: {@code imageDir} of etc/id.parkir.core.cfg, else ${parkir.data}/images. */
    static Path folder(ConfigurationAdmin configs) {
        try {
            Configuration[] found = configs.listConfigurations("(service.pid=id.parkir.core)");
            Object dir = found == null || found.length == 0 || found[0].getProperties() == null ? null
                    : found[0].getProperties().get("imageDir");
            if (dir != null && !dir.toString().isBlank()) {
                return Paths.get(dir.toString().strip());
            }
        } catch (IOException | InvalidSyntaxException e) {
            LoggerFactory.getLogger(Photos.class).warn("The core's configuration cannot be read ({}): photos are taken from"
                    + " the default folder", e.toString());
        }
        return ParkirData.folder().resolve("images");
    }

    /** The photos of {@code days} days up to {@code today} (0: none), oldest day first. */
    static List<Photo> ofDays(Path images, LocalDate today, int days) throws IOException {
        List<Photo> photos = new ArrayList<>();
        for (int back = days - 1; back >= 0; back--) {
            LocalDate d = today.minusDays(back);
            String relative = String.format("%04d/%02d/%02d", d.getYear(), d.getMonthValue(), d.getDayOfMonth());
            Path dir = images.resolve(relative);
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            List<Path> files = new ArrayList<>();
            try (DirectoryStream<Path> in = Files.newDirectoryStream(dir)) {
                for (Path f : in) {
                    // only what the image store writes: plain files with names the archive accepts
                    if (Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)
                            && EntryNames.kind(EntryNames.PHOTOS + relative + "/" + f.getFileName()) == EntryNames.Kind.PHOTO) {
                        files.add(f);
                    }
                }
            }
            files.sort(null);
            for (Path f : files) {
                photos.add(new Photo(relative + "/" + f.getFileName(), f));
            }
        }
        return photos;
    }

    /** Moves the unpacked photos below {@code from} into the image folder where missing; answers how many. */
    static long restore(Path from, Path images) throws IOException {
        if (!Files.isDirectory(from)) {
            return 0;
        }
        long added = 0;
        List<Path> files;
        try (Stream<Path> walk = Files.walk(from)) {
            files = walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).toList();
        }
        for (Path f : files) {
            Path target = images.resolve(from.relativize(f).toString()).normalize();
            if (!target.startsWith(images.normalize()) || Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            Files.createDirectories(target.getParent());
            Path tmp = target.resolveSibling(target.getFileName() + ".restoring");
            Files.copy(f, tmp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            added++;
        }
        return added;
    }
}
