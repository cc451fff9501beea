package id.parkir.nvr.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Parkir NVR", description = "Recording of the site's cameras (etc/id.parkir.nvr.cfg)")
public @interface NvrConfig {
    @AttributeDefinition(description = "Folder of the recordings; empty = ${parkir.data}/recordings")
    String storage() default "";

    @AttributeDefinition(description = "Length of a segment file in seconds (10-3600); segments start on a keyframe")
    int segmentSeconds() default 300;

    @AttributeDefinition(description = "Segments older than this many days are deleted (0 = no age limit)")
    int retentionDays() default 7;

    @AttributeDefinition(description = "Oldest segments are deleted while the storage's disk has less free space than this percentage (0 = no limit)")
    int minFreeDiskPercent() default 10;

    @AttributeDefinition(description = "Oldest segments are deleted while the recordings take more than this many GB (0 = no limit)")
    double maxStorageGb() default 0;

    @AttributeDefinition(description = "Minutes between two retention checks")
    int retentionCheckMinutes() default 10;

    @AttributeDefinition(description = "A recording that writes nothing for this many seconds is taken for a frozen camera and restarted")
    int stallSeconds() default 10;

    @AttributeDefinition(description = "Longest wait between two reconnection attempts, in seconds (the wait doubles from 1 s up to this)")
    int retryMaxSeconds() default 4;

    @AttributeDefinition(description = "Recordings played in browsers at once (1-64): each is an ffmpeg process; more are answered 503 playback_busy")
    int maxPlaybacks() default 8;

    @AttributeDefinition(description = "Longest window of footage one playback may ask for, in minutes (1-240)")
    int maxPlaybackMinutes() default 30;

    @AttributeDefinition(description = "Time zone of the folder dates and file names")
    String timeZone() default "Asia/Jakarta";
}
