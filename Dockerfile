# syntax=docker/dockerfile:1
#
# One Dockerfile for every Spring Boot module; docker-compose.yml picks the module:
#   docker build --build-arg MODULE=sessions-service -t teletherapy/sessions-service .
#
# The whole reactor is the build context because a module needs its siblings
# (events, ...) built with it (-am); .dockerignore keeps local build output out.

FROM maven:3.9-eclipse-temurin-17 AS build
ARG MODULE
WORKDIR /src
COPY . .
# The cache mount keeps ~/.m2 between image builds, so the four services do not
# download the same dependencies four times. It needs BuildKit (the default in
# current Docker and in Compose v2).
RUN --mount=type=cache,target=/root/.m2 \
    test -n "${MODULE}" || { echo "set --build-arg MODULE=<module directory>" >&2; exit 1; }; \
    ./mvnw -q -DskipTests package -pl "${MODULE}" -am

FROM eclipse-temurin:17-jre
ARG MODULE
# A fixed, unprivileged uid: nothing in the container runs as root, and the uid
# does not clash with the base image's own users (e.g. ubuntu, 1000).
RUN groupadd --system --gid 10001 app \
 && useradd --system --uid 10001 --gid app --no-create-home --home-dir /app --shell /usr/sbin/nologin app
WORKDIR /app
# Owned by root and read-only for the app user: the process cannot replace its own code.
COPY --from=build --chmod=0444 /src/${MODULE}/target/${MODULE}.jar /app/app.jar
USER 10001:10001
# Heap follows the container's memory limit instead of the host's.
ENTRYPOINT ["java","-XX:MaxRAMPercentage=75","-jar","/app/app.jar"]
