package org.teletherapy.sessions;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.teletherapy.eventing.status.PipelineFigures;
import org.teletherapy.service.ops.OpsFiguresContributor;

/**
 * The event pipeline's figures (outbox, lag, dead letters) in this service's ops status. Eventing cannot declare the
 * contributor itself as long as it does not depend on service-support.
 */
@Configuration(proxyBeanMethods = false)
class PipelineOpsConfiguration {

    @Bean
    OpsFiguresContributor pipelineOpsFigures(PipelineFigures pipeline) {
        return OpsFiguresContributor.of(pipeline.name(), pipeline::figures);
    }
}
