# The portal image: docker build -t domino-export-portal .
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Restore first, from the project files only, so code changes reuse the restored layer.
COPY Directory.Build.props Directory.Packages.props ./
COPY src/Contracts/Portal.Contracts.csproj src/Contracts/
COPY src/Domain/Portal.Domain.csproj src/Domain/
COPY src/Portal.Client/Portal.Client.csproj src/Portal.Client/
COPY src/Portal/Portal.csproj src/Portal/
RUN dotnet restore src/Portal/Portal.csproj
COPY src/ src/
RUN dotnet publish src/Portal/Portal.csproj --configuration Release --no-restore --output /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
ENV ASPNETCORE_HTTP_PORTS=8080 \
    Portal__DataPath=/data
RUN mkdir -p /data && chown "$APP_UID" /data
COPY --from=build /app .
USER $APP_UID
EXPOSE 8080
VOLUME ["/data"]
# No curl in the image: bash's /dev/tcp asks /health/live.
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
    CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /health/live HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && head -n1 <&3 | grep -q ' 200 '"]
ENTRYPOINT ["dotnet", "Portal.dll"]
