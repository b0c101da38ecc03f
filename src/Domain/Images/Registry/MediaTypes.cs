namespace Portal.Domain.Images.Registry;

/// <summary>The manifest media types of the OCI image spec and Docker's schema 2.</summary>
public static class MediaTypes
{
    public const string OciManifest = "application/vnd.oci.image.manifest.v1+json";
    public const string OciIndex = "application/vnd.oci.image.index.v1+json";
    public const string DockerManifest = "application/vnd.docker.distribution.manifest.v2+json";
    public const string DockerManifestList = "application/vnd.docker.distribution.manifest.list.v2+json";
    public const string DockerSchema1 = "application/vnd.docker.distribution.manifest.v1+json";
    public const string DockerSchema1Signed = "application/vnd.docker.distribution.manifest.v1+prettyjws";

    /// <summary>
    /// Every type this copy understands, indexes first. Registries pick from the list (distribution 2.8
    /// converts to schema 1 when asked for OCI types only), so all four are always offered.
    /// </summary>
    public static readonly string[] Accepted = [OciIndex, DockerManifestList, OciManifest, DockerManifest];

    public static bool IsIndex(string mediaType) => mediaType is OciIndex or DockerManifestList;

    public static bool IsManifest(string mediaType) => mediaType is OciManifest or DockerManifest;
}
