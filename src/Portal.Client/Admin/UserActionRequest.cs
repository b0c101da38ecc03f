using Portal.Contracts.Admin;

namespace Portal.Client.Admin;

public sealed record UserActionRequest(UserSummary User, UserAction Action);
