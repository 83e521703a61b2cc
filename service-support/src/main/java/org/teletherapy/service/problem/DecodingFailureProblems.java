package org.teletherapy.service.problem;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;
import tools.jackson.databind.json.JsonMapper;

import java.util.Map;

/**
 * Requests that Netty cannot even decode (a URI over its line limit: 414, headers over their limit: 431, or a
 * garbled request line: 400) never reach Spring; Reactor Netty answers them with an empty body and closes the
 * connection. This handler, just above the HTTP codec, gives those answers a problem detail body.
 */
public final class DecodingFailureProblems implements NettyServerCustomizer {

    private static final String HANDLER = "teletherapy.decodingFailureProblems";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<Integer, ProblemDetail> PROBLEMS = Map.of(
            414, Problems.of(HttpStatus.URI_TOO_LONG, "uri-too-long", "URI too long",
                    "The request line is longer than this API accepts."),
            431, Problems.of(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "headers-too-large", "Headers too large",
                    "The request headers are larger than this API accepts."),
            400, Problems.of(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request",
                    "The request is not valid HTTP."));
    private static final ChannelHandler WRITER = new ProblemBodyWriter();

    @Override
    public HttpServer apply(HttpServer server) {
        return server.doOnChannelInit((observer, channel, address) -> {
            ChannelPipeline pipeline = channel.pipeline();
            if (pipeline.get(NettyPipeline.HttpCodec) != null && pipeline.get(HANDLER) == null) {
                pipeline.addAfter(NettyPipeline.HttpCodec, HANDLER, WRITER);
            }
        });
    }

    static byte[] body(int status) {
        return JSON.writeValueAsBytes(ProblemResponses.asMap(PROBLEMS.get(status)));
    }

    @ChannelHandler.Sharable
    private static final class ProblemBodyWriter extends ChannelOutboundHandlerAdapter {

        @Override
        public void write(ChannelHandlerContext context, Object message, ChannelPromise promise) {
            if (message instanceof FullHttpResponse response && isDecodingFailure(response)) {
                byte[] body = body(response.status().code());
                FullHttpResponse problem = new DefaultFullHttpResponse(response.protocolVersion(), response.status(),
                        Unpooled.wrappedBuffer(body));
                problem.headers().set(response.headers())
                        .set(HttpHeaderNames.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE)
                        .set(HttpHeaderNames.CACHE_CONTROL, "no-store")
                        .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
                response.release();
                context.write(problem, promise);
                return;
            }
            context.write(message, promise);
        }

        /** What Reactor Netty sends for a request it could not decode: empty, closing, one of these statuses. */
        private static boolean isDecodingFailure(FullHttpResponse response) {
            return PROBLEMS.containsKey(response.status().code()) && response.content().readableBytes() == 0
                    && response.headers().containsValue(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE, true);
        }
    }
}
