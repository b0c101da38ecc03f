using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Portal.Domain.Domino;

/// <summary>A file's content being streamed from Domino.</summary>
public sealed class DominoBlob(HttpResponseMessage response, Stream content, long? length) : IAsyncDisposable
{
    public Stream Content { get; } = content;

    /// <summary>The length Domino announced, if it did.</summary>
    public long? Length { get; } = length;

    public async ValueTask DisposeAsync()
    {
        await Content.DisposeAsync();
        response.Dispose();
    }
}
