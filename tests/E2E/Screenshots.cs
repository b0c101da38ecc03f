using Microsoft.Playwright;

namespace Portal.Tests.E2E;

/// <summary>Saves full-page screenshots under the test output: bin/.../screenshots/{scenario}/NN-name.png.</summary>
public sealed class Screenshots(string scenario)
{
    private readonly string folder = Fresh(Path.Combine(AppContext.BaseDirectory, "screenshots", scenario));
    private int count;

    private static string Fresh(string path)
    {
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }
        return Directory.CreateDirectory(path).FullName;
    }

    public async Task TakeAsync(IPage page, string name)
    {
        var file = Path.Combine(folder, $"{Interlocked.Increment(ref count):00}-{name}.png");
        // From the top: a scrolled page would show its fixed app bar halfway down the full-page picture.
        await page.EvaluateAsync("window.scrollTo(0, 0)");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
    }
}
