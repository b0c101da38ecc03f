using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using StatusCodes = Microsoft.AspNetCore.Http.StatusCodes;

namespace Portal.V1;

/// <summary>A refusal before any work: the HTTP status, the original's message, and the portal's hint, if any.</summary>
public sealed record V1Refusal(int Status, string Message, string? Hint = null);
