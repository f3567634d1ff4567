package org.loumen.core.model.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** How far the leader and household listings count their rows ({@link PageTotals}). */
@ObjectClassDefinition(id = ListingConfig.PID, name = "Loumen 列表 / listings",
        description = "列表总数计到上限即停，超过时答复“超过” / listings count up to a cap and answer \"more than\" above it")
public @interface ListingConfig {

    String PID = "org.loumen.core.model.listing";

    @AttributeDefinition(name = "计数上限 / count cap", description = "总数计到此数为止；超过时 totalCapped 为 true / "
            + "the total is counted up to this; above it totalCapped is true", min = "1")
    int countCap() default PageTotals.CAP;
}
