using System.Text;
using Portal.Testbed.Containers;
using Portal.Testbed.Registries;

namespace Portal.Tests.Integration.Domain.Images.Registry;

/// <summary>Source images for copy tests, published straight through the registry API.</summary>
public static class TestSources
{
    /// <summary>A one-layer image holding <c>/marker.txt</c> (and busybox as <c>/bin/sh</c> when it must run).</summary>
    public static async Task<(PushedImage Image, ImageSpec Spec)> PublishAsync(RegistryServer registry, string repository, string tag,
        string? marker = null, bool runnable = false, bool oci = false, IReadOnlyList<string>? cmd = null)
    {
        var files = new Dictionary<string, byte[]> { ["marker.txt"] = Encoding.UTF8.GetBytes(marker ?? $"{repository}:{tag} {Guid.NewGuid()}\n") };
        if (runnable) files["bin/sh"] = await File.ReadAllBytesAsync("/bin/busybox");
        var spec = new ImageSpec([await TestLayer.FromFilesAsync(files)], Oci: oci, Cmd: cmd ?? ["/bin/sh"]);
        return (await new RegistryImages(registry).PushImageAsync(repository, tag, spec), spec);
    }

    /// <summary>An image of several random layers, each a little larger than the one before, for tests that count blobs.</summary>
    public static async Task<(PushedImage Image, ImageSpec Spec)> PublishLayeredAsync(RegistryServer registry, string repository, string tag,
        int layers, long layerBytes = 64 * 1024, int seed = 1)
    {
        var list = new List<TestLayer>();
        for (var i = 0; i < layers; i++) list.Add(await TestLayer.RandomAsync(layerBytes + i * 4096, seed * 100 + i));
        var spec = new ImageSpec(list);
        return (await new RegistryImages(registry).PushImageAsync(repository, tag, spec), spec);
    }
}
