using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Portal.Connections;
using Portal.Domain.Domino;
using StatusCodes = Microsoft.AspNetCore.Http.StatusCodes;

namespace Portal.V1;

/// <summary>
/// Who is calling the v1 API: a Domino API key Domino accepts, and the portal account that owns what the
/// key creates — the approved account that stored this key on its profile, otherwise the v1 service account.
/// </summary>
public sealed record V1Caller(
    string ApiKey,
    string KeyHash,
    string? DominoUserName,
    string OwnerId,
    bool OwnerIsAdmin,
    bool ViaServiceAccount,
    DominoDeployment Deployment,
    DominoClient Domino);
