# syntax=docker/dockerfile:1
# Multi-stage build: a pinned Rust toolchain builds one static binary (profile `dist`:
# link-time optimised, stripped; glibc linked in with crt-static); distroless "static" (CA
# certificates, tzdata, /etc/passwd, no libc, no shell) runs it as a non-root user. The default
# catalogue is embedded in the binary. ganhuo uses rustls, so it needs no system TLS library,
# and glibc 2.36 resolves names from /etc/hosts and DNS with no NSS modules to load.
#
# The base images are build arguments so that a machine without a registry can build against
# local stand-ins (see .ci/container); with a registry, build it as is: `docker build .`.
ARG BUILDER_IMAGE=rust:1.95-slim-bookworm
ARG RUNTIME_IMAGE=gcr.io/distroless/static-debian12:nonroot

FROM ${BUILDER_IMAGE} AS builder
WORKDIR /src
# crt-static for the binary only: with an explicit --target, RUSTFLAGS do not reach build
# scripts and proc macros, which must stay dynamic. The target is the builder's own.
ENV RUSTFLAGS="-C target-feature=+crt-static"
SHELL ["/bin/bash", "-euo", "pipefail", "-c"]

# Dependency-caching layer: build the dependency graph against stub sources, so source edits
# do not rebuild teloxide and serenity.
COPY Cargo.toml Cargo.lock ./
RUN mkdir -p src benches \
 && echo 'fn main() {}' > src/main.rs \
 && touch src/lib.rs \
 && for bench in search quality; do echo 'fn main() {}' > benches/$bench.rs; done \
 && cargo build --profile dist --locked --target "$(rustc -vV | sed -n 's/^host: //p')" \
 && rm -rf src benches

COPY src ./src
COPY data ./data
COPY benches ./benches
# Cargo compares mtimes: make sure the real sources are newer than the stub build.
RUN touch src/main.rs src/lib.rs \
 && target="$(rustc -vV | sed -n 's/^host: //p')" \
 && cargo build --profile dist --locked --target "$target" \
 && cp "target/$target/dist/ganhuo" /out-ganhuo \
 && mkdir -p /out/store

FROM ${RUNTIME_IMAGE}
COPY --from=builder /out-ganhuo /usr/local/bin/ganhuo
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
