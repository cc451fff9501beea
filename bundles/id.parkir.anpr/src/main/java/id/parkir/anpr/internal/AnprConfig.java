package id.parkir.anpr.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration PID {@code id.parkir.anpr} (etc/id.parkir.anpr.cfg documents every key). */
@ObjectClassDefinition(name = "Parkir ANPR", description = "Plate detection and reading")
public @interface AnprConfig {
    /** Calibrated on the dev sets: readings this sure were right at least 99.5% of the time (README, ANPR). */
    double AUTO_ACCEPT_AT = 0.984;


    @AttributeDefinition(description = "Plate syntax the reading must follow: indonesia, or any (foreign plates)")
    String syntax() default "indonesia";

    @AttributeDefinition(description = "Readings below this confidence (0..1) are not reported")
    double minConfidence() default 0.05;

    @AttributeDefinition(description = "Readings at or above this confidence are marked autoAccept: the operator screen pre-confirms them (2 disables)")
    double autoAcceptAt() default AUTO_ACCEPT_AT;

    @AttributeDefinition(description = "At most this many plates are reported per image, best first")
    int maxPlates() default 3;

    @AttributeDefinition(description = "Below this confidence the other installed plate readers (e.g. Tesseract) are asked too and the best valid reading wins")
    double secondOpinionBelow() default 0;

    @AttributeDefinition(description = "Largest photo read, in pixels (width x height, from its header, before decoding); larger ones are refused with 400")
    long maxImagePixels() default 16_777_216L;

    @AttributeDefinition(description = "Photos read at the same time; more wait (their native memory is bounded by this)")
    int maxConcurrentReads() default 2;

    @AttributeDefinition(description = "Seconds a photo waits for its turn before the request is answered 503 anpr_busy")
    int maxWaitSeconds() default 10;
}
