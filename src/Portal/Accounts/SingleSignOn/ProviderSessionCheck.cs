using System.Collections.Concurrent;
using Portal.Data;

namespace Portal.Accounts.SingleSignOn;

/// <summary>
/// The security-stamp check of a session that signed in through the provider: re-reads the account's groups and
/// applies them (<see cref="GroupRules"/>), and ends the session when the provider no longer accepts it. A provider
/// that cannot be asked ends nothing. One question per account and node per <see cref="AnswerLifetime"/>: a page's
/// parallel requests share it, and a rotating refresh token is never spent twice.
/// </summary>
public sealed class ProviderSessionCheck(
    ProviderGroupsReader reader, GroupRules rules, ProviderSessionAnswers answers, TimeProvider clock, ILogger<ProviderSessionCheck> logger)
{
    public static readonly TimeSpan AnswerLifetime = TimeSpan.FromSeconds(30);

    /// <returns>False when the session must end.</returns>
    public async Task<bool> IsStillValidAsync(ApplicationUser user, CancellationToken cancellationToken = default)
    {
        if (Recent(user.Id) is { } known)
        {
            return known;
        }
        var gate = answers.GateFor(user.Id);
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (Recent(user.Id) is { } settled)
            {
                return settled;
            }
            var valid = await AskAsync(user, cancellationToken);
            answers.Known[user.Id] = (clock.GetUtcNow(), valid);
            return valid;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>A sign-in has just learnt the groups: the next checks need not ask again at once.</summary>
    public void Answered(string userId) => answers.Known[userId] = (clock.GetUtcNow(), true);

    private bool? Recent(string userId) =>
        answers.Known.TryGetValue(userId, out var answer) && clock.GetUtcNow() - answer.At < AnswerLifetime ? answer.Valid : null;

    private async Task<bool> AskAsync(ApplicationUser user, CancellationToken cancellationToken)
    {
        switch (await reader.ReadAsync(user, cancellationToken))
        {
            case ProviderAnswer.Groups groups:
                await rules.ApplyAsync(user, groups.Names);
                return true;
            case ProviderAnswer.Ended ended:
                logger.LogInformation("The provider session of {Email} ended ({Reason}); so does the portal session.", user.Email, ended.Reason);
                return false;
            case ProviderAnswer.Unknown { ProviderFailed: true } failed:
                logger.LogWarning("The groups of {Email} were not re-read, the session goes on as it was: {Reason}.", user.Email, failed.Reason);
                return true;
            case ProviderAnswer.Unknown unknown:
                logger.LogDebug("The groups of {Email} were not re-read: {Reason}.", user.Email, unknown.Reason);
                return true;
            default:
                return true;
        }
    }
}

/// <summary>The answers of the last <see cref="ProviderSessionCheck.AnswerLifetime"/>, per account, on this node.</summary>
public sealed class ProviderSessionAnswers
{
    private readonly SemaphoreSlim[] gates = Enumerable.Range(0, 32).Select(_ => new SemaphoreSlim(1, 1)).ToArray();

    internal ConcurrentDictionary<string, (DateTimeOffset At, bool Valid)> Known { get; } = new();

    internal SemaphoreSlim GateFor(string userId) => gates[(int)((uint)StringComparer.Ordinal.GetHashCode(userId) % (uint)gates.Length)];
}
