using Microsoft.EntityFrameworkCore;

namespace Portal.V1;

/// <summary>An answer of the v1 API: its HTTP status and JSON body.</summary>
public sealed record V1Answer(int Status, object Body);
