# syntax=docker/dockerfile:1
# Multi-stage build: a pinned Rust toolchain builds the binary (profile `dist`: link-time
# optimised, stripped); a distroless runtime runs it as a non-root user. The default catalogue
# is embedded in the binary.
#
# The base images are build arguments so that a machine without a registry can build against
# local stand-ins (see .ci/container); with a registry, build it as is: `docker build .`.
ARG BUILDER_IMAGE=rust:1.95-slim-bookworm
ARG RUNTIME_IMAGE=gcr.io/distroless/cc-debian12:nonroot

FROM ${BUILDER_IMAGE} AS builder
WORKDIR /src

# Dependency-caching layer: build the dependency graph against stub sources, so source edits
# do not rebuild teloxide and serenity.
COPY Cargo.toml Cargo.lock ./
RUN mkdir -p src benches \
 && echo 'fn main() {}' > src/main.rs \
 && touch src/lib.rs \
 && for bench in search quality; do echo 'fn main() {}' > benches/$bench.rs; done \
 && cargo build --profile dist --locked \
 && rm -rf src benches

COPY src ./src
COPY data ./data
COPY benches ./benches
# Cargo compares mtimes: make sure the real sources are newer than the stub build.
RUN touch src/main.rs src/lib.rs \
 && cargo build --profile dist --locked \
 && mkdir -p /out/store

FROM ${RUNTIME_IMAGE}
COPY --from=builder /src/target/dist/ganhuo /usr/local/bin/ganhuo
COPY deploy/config.toml /etc/ganhuo/config.toml
# The store's SQLite file (query log for `ganhuo report`): a volume the non-root user can write.
COPY --from=builder --chown=65532:65532 /out/store /var/lib/ganhuo
VOLUME ["/var/lib/ganhuo"]
ENV GANHUO_CONFIG=/etc/ganhuo/config.toml
USER 65532:65532
EXPOSE 8080
# The base has no curl: the binary asks its own /healthz. /healthz answers 503 until every
# configured adapter is connected. If you change [http] listen, change this URL too.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["/usr/local/bin/ganhuo", "health", "--url", "http://127.0.0.1:8080/healthz"]
ENTRYPOINT ["/usr/local/bin/ganhuo"]
CMD ["run"]
