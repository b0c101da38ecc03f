using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace Portal.V1;

/// <summary>The v1 API's defaults as they apply to one request; null parts are not set up.</summary>
public sealed record V1Defaults(int? DominoDeploymentId, int? S3TargetId, int? RegistryTargetId, int TemplateId, string? ServiceAccountId);
