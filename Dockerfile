# syntax=docker/dockerfile:1
# akashi and Pagefind in a small image, for CI systems that run containers and for building a
# clinic's site without installing anything:
#
#   docker build -t akashi .
#   docker run --rm -v "$PWD:/site" --user "$(id -u):$(id -g)" akashi lint
#   docker run --rm -v "$PWD:/site" --user "$(id -u):$(id -g)" akashi build
#
# (--user lets akashi write public/ into the mounted site as its owner; without it the image
# runs as an unprivileged user of its own.) Both programs are static musl binaries, so the last
# stage needs no C library. Builds for linux/amd64 and linux/arm64.

ARG RUST_VERSION=1.88

# --- akashi, built from this repository with its locked dependencies -------------------------
FROM rust:${RUST_VERSION}-bookworm AS build
ARG TARGETARCH
RUN apt-get update \
 && apt-get install -y --no-install-recommends musl-tools \
 && rm -rf /var/lib/apt/lists/*
# mimalloc's C code is compiled against musl too.
ENV CC_x86_64_unknown_linux_musl=musl-gcc \
    CC_aarch64_unknown_linux_musl=musl-gcc
WORKDIR /src
COPY . .
RUN case "${TARGETARCH:-amd64}" in \
      amd64) target=x86_64-unknown-linux-musl ;; \
      arm64) target=aarch64-unknown-linux-musl ;; \
      *) echo "unsupported architecture: ${TARGETARCH}" >&2; exit 1 ;; \
    esac \
 && rustup target add "$target" \
 && cargo build --release --locked --target "$target" \
 && install -m 0755 "target/$target/release/akashi" /usr/local/bin/akashi \
 && /usr/local/bin/akashi --version

# --- Pagefind 1.6.0: the prebuilt program of its npm package ---------------------------------
# The "extended" build, which also segments Japanese text for the search index. The checksums
# are those of the npm tarballs (matching the registry's sha512 integrity values): change them
# with the version.
FROM rust:${RUST_VERSION}-bookworm AS pagefind
ARG TARGETARCH
ARG PAGEFIND_VERSION=1.6.0
ARG PAGEFIND_SHA256_AMD64=148fd94a099d6a3dcb137c92186cc193ea3c7eb97888d83ed58dd0956b2d1c2a
ARG PAGEFIND_SHA256_ARM64=226b97e7d622bc044f55d0c2cb4c3e77c499e1f5c4ce1b09c52d3cf711fb025a
RUN case "${TARGETARCH:-amd64}" in \
      amd64) npm_arch=x64; sha256="$PAGEFIND_SHA256_AMD64" ;; \
      arm64) npm_arch=arm64; sha256="$PAGEFIND_SHA256_ARM64" ;; \
      *) echo "unsupported architecture: ${TARGETARCH}" >&2; exit 1 ;; \
    esac \
 && curl --proto '=https' --tlsv1.2 -fsSL -o /tmp/pagefind.tgz \
      "https://registry.npmjs.org/@pagefind/linux-${npm_arch}/-/linux-${npm_arch}-${PAGEFIND_VERSION}.tgz" \
 && echo "${sha256}  /tmp/pagefind.tgz" | sha256sum -c - \
 && tar -xzf /tmp/pagefind.tgz -C /tmp package/bin/pagefind_extended \
 && install -m 0755 /tmp/package/bin/pagefind_extended /usr/local/bin/pagefind

# --- the image -------------------------------------------------------------------------------
FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /usr/local/bin/akashi /usr/local/bin/akashi
# akashi build finds Pagefind as `pagefind` on the PATH.
COPY --from=pagefind /usr/local/bin/pagefind /usr/local/bin/pagefind
WORKDIR /site
USER nonroot
ENTRYPOINT ["akashi"]
CMD ["--help"]
