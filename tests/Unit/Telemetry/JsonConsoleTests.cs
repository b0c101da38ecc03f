using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using Portal.Telemetry;

namespace Portal.Tests.Unit.Telemetry;

public sealed class JsonConsoleTests
{
    [Theory]
    [InlineData("true", ConsoleFormatterNames.Json)]
    [InlineData("false", ConsoleFormatterNames.Simple)]
    public void Logging_Console_Json_picks_the_console_formatter(string json, string formatter)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration["Logging:Console:Json"] = json;
        builder.Logging.AddSimpleConsole();

        builder.Services.AddTelemetry(builder.Configuration);
        using var services = builder.Services.BuildServiceProvider();

        Assert.Equal(formatter, services.GetRequiredService<IOptions<ConsoleLoggerOptions>>().Value.FormatterName);
    }
}
