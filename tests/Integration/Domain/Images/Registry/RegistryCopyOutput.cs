using Portal.Domain.Images;
using Xunit.Abstractions;

namespace Portal.Tests.Integration.Domain.Images.Registry;

internal static class RegistryCopyOutput
{
    /// <summary>Runs an export and writes what it did to the test's output (the first thing to read when a test fails).</summary>
    public static async Task<ImageExportResult> ExportAsync(ImageExporter exporter, ImageExportRequest request, ITestOutputHelper output,
        RecordingProgress? progress = null, CancellationToken cancellationToken = default)
    {
        var result = await exporter.ExportAsync(request, progress ?? new RecordingProgress(), cancellationToken);
        output.WriteLine($"{(int)result.Status} {result.Status}: {result.Message}\n  path: {result.Path} ({result.PathReason})");
        if (result.ExceptionDetails is { } details) output.WriteLine("  details: " + details.Replace("\n", "\n    ", StringComparison.Ordinal));
        foreach (var layer in result.Layers)
            output.WriteLine($"  {layer.Outcome,-8} {layer.Digest} {layer.Size,10} bytes, {layer.Attempts} tries{(layer.Error is null ? "" : ": " + layer.Error)}");
        return result;
    }
}
