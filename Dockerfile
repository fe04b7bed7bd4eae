# berean: the HTTP API and web UI in a container.
#
#   docker build -t berean .
#   docker run --rm -p 8080:8080 berean
#
# Stage 1 builds a static binary; stage 2 is Debian with the SWORD modules
# from Debian's archive (KJV, WEB, Nave's, Strong's Greek and Hebrew) and the
# search index and verify model built at image build time, so a replica
# starts serving at once and never writes. The server is stateless and
# read-only: run as many replicas as you like (see deploy/kubernetes.yaml).
FROM golang:1.26-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/berean ./cmd/berean

FROM debian:bookworm-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      sword-text-kjv sword-text-web sword-dict-naves \
      sword-dict-strongs-greek sword-dict-strongs-hebrew \
      ca-certificates \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --home-dir /nonexistent --shell /usr/sbin/nologin berean
COPY --from=build /out/berean /usr/local/bin/berean
# The index cache lives in the image (read-only at run time).
ENV XDG_CACHE_HOME=/var/cache \
    BEREAN_ADDR=0.0.0.0:8080 \
    BEREAN_TIMEOUT=30s
RUN mkdir -p /var/cache/berean \
 && berean index \
 && { printf 'Hebrews 7:25 says he "ever liveth to make intercession for them".\n' | berean verify - >/dev/null || test $? -eq 1; } \
 && chmod -R a+rX /var/cache/berean
USER 10001:10001
EXPOSE 8080
STOPSIGNAL SIGTERM
ENTRYPOINT ["/usr/local/bin/berean"]
CMD ["serve"]
