using Actors.Contracts.Documents;
using Actors.Contracts.Naming;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace Actors.Grains.Documents;

[StatelessWorker]
public sealed class DocumentCheckDeskGrain(ClientAddressHasher hasher, IOptions<DocumentAccessOptions> options, TimeProvider clock)
    : Grain, IDocumentCheckDeskGrain
{
    public async Task<DocumentCheckResult> Check(string code, DateOnly holderBirthDate, string clientAddress)
    {
        var limits = options.Value;
        var address = hasher.Hash(clientAddress);
        var log = GrainFactory.Reference<IDocumentCheckLogGrain>(code);
        var wait = await GrainFactory.Reference<IDocumentCheckGateGrain>("address:" + address).Pass(limits.ChecksPerAddress, limits.PerAddressWindow)
            ?? await GrainFactory.Reference<IDocumentCheckGateGrain>("code:" + code).Pass(limits.ChecksPerCode, limits.PerCodeWindow);
        if (wait is { } retryAfter)
        {
            await log.Append(new DocumentCheck(code, DocumentCheckOutcome.RateLimited, clock.GetUtcNow(), address));
            return new DocumentCheckResult(null, retryAfter);
        }

        var lookup = await GrainFactory.Reference<IIssuedDocumentGrain>(code).Lookup(holderBirthDate);
        var outcome = !lookup.Exists ? DocumentCheckOutcome.UnknownCode
            : lookup.Answer is null ? DocumentCheckOutcome.BirthDateMismatch
            : DocumentCheckOutcome.Matched;
        await log.Append(new DocumentCheck(code, outcome, clock.GetUtcNow(), address));
        return new DocumentCheckResult(lookup.Answer, null);
    }
}
