package id.parkir.core.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration PID {@code id.parkir.core} (etc/id.parkir.core.cfg documents every key). */
@ObjectClassDefinition(name = "Parkir core", description = "Gates, cash desk, zones and images")
public @interface CoreConfig {
    @AttributeDefinition(description = "Time zone for day boundaries, dates and shift reports")
    String timeZone() default "Asia/Jakarta";

    @AttributeDefinition(description = "Local time (HH:mm) a vehicle must still be inside at to count as overnight")
    String dayBoundary() default "00:00";

    @AttributeDefinition(description = "Id of the tariff rule in use (see GET /api/tariff-rules)")
    String tariffRule() default "progressive";

    @AttributeDefinition(description = "Folder for entry and exit photos; empty = ${parkir.data}/images")
    String imageDir() default "";

    @AttributeDefinition(description = "Largest accepted photo, in bytes")
    int maxImageBytes() default 5242880;

    @AttributeDefinition(description = "Largest accepted photo, in pixels (width x height, read from its header before decoding)")
    long maxImagePixels() default 16_777_216L;

    @AttributeDefinition(description = "Minutes an exit quote holds: a payment within this time is charged at the quoted exit time")
    int quoteValidityMinutes() default 15;

    @AttributeDefinition(description = "Name of the site, shown on screens and printed tickets (at most 64 characters)")
    String siteName() default "Parkir";

    @AttributeDefinition(description = "Address of the site, one line, printed on tickets (at most 200 characters; empty = none)")
    String siteAddress() default "";

    @AttributeDefinition(description = "Zones created on first start with an empty database: CODE|Name|type=slots,...; zones separated by ';'")
    String initialZones() default "A|Lantai Dasar|motorcycle=300,car=150,truck=10,bus=5";
}
