using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Portal.Testbed.Domino;
using Portal.Testbed.Processes;
using Portal.Tests.E2E.Exports;
using Portal.Tests.E2E.Pages;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.E2E.Notifications;

/// <summary>A person subscribes on /profile in Chromium; the running portal tells a real HTTP receiver about a failed run, signed.</summary>
[Collection(ExportsCollection.Name)]
public sealed class RunNoticeInTheBrowserTests(ExportsWorld world)
{
    private const string Secret = "grace-webhook-secret-42";

    [Fact]
    public async Task A_webhook_subscribed_on_the_profile_hears_of_a_failed_run_with_a_valid_signature_and_the_card_shows_it_sent()
    {
        using var receiver = new HttpListener();
        var url = $"http://127.0.0.1:{FreePort.Next()}/hooks/grace/";
        receiver.Prefixes.Add(url);
        receiver.Start();
        var project = world.Project($"flaky-{world.Next()}", new TestFile("a.txt", TestContent.FromText("a")));
        var user = await world.People.UserWithKeyAsync();
        var exportId = await user.Api.CreateProjectExportAsync(world.DominoUser.UserName, project.Name, "notices", project.Name, People.S3Target);

        var card = new NotificationsCard(user.Page);
        await card.OpenAsync();
        await card.SubscribeWebhookAsync("Failures only", url, "JSON", Secret);
        await Expect(card.Subscriptions).ToContainTextAsync($"Json webhook {url}");
        Assert.DoesNotContain(Secret, await user.Page.ContentAsync(), StringComparison.Ordinal);

        world.Domino.Faults.Fail($"/v4/projects/{project.Id}/commits", times: 100, status: 500);
        try
        {
            var export = new ExportPage(user.Page);
            await export.OpenAsync(exportId);
            await export.RunNowAsync();
            await Expect(new RunPage(user.Page).Status).ToHaveTextAsync("Failed", new() { Timeout = 60_000 });

            var context = await receiver.GetContextAsync().WaitAsync(TimeSpan.FromSeconds(60));
            using var buffer = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(buffer);
            var signature = context.Request.Headers["X-Portal-Signature-256"];
            context.Response.Close();

            var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), buffer.ToArray()));
            Assert.Equal(expected, signature);
            using var body = JsonDocument.Parse(buffer.ToArray());
            Assert.Equal("run.failed", body.RootElement.GetProperty("event").GetString());
            Assert.Equal(120, body.RootElement.GetProperty("run").GetProperty("status").GetInt32());
        }
        finally
        {
            world.Domino.Faults.Clear();
        }

        await card.OpenAsync();
        await Expect(card.Deliveries).ToContainTextAsync("Sent", new() { Timeout = 30_000 });
        await Expect(card.Deliveries).ToContainTextAsync($"notices/{project.Name}");
    }
}
