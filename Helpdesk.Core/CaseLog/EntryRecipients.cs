using Helpdesk.Core.Common;

namespace Helpdesk.Core.CaseLog;

/// <summary>The To and Cc an agent chose for the mail of one public entry, as plain addresses.</summary>
public sealed record EntryRecipients(IReadOnlyList<string> To, IReadOnlyList<string> Cc)
{
    public IEnumerable<string> All => To.Concat(Cc);

    /// <summary>Refuses what cannot be mailed, naming the field and the address.</summary>
    public void Validate()
    {
        if (To.Count == 0) throw new ValidationFailedException("to", "Add at least one address in To, or untick \"Send by email\".");
        foreach (var (field, addresses) in new[] { ("to", To), ("cc", Cc) })
            if (addresses.FirstOrDefault(a => !EmailAddresses.IsPlain(a)) is { } bad)
                throw new ValidationFailedException(field, $"\"{bad}\" is not an email address such as name@example.com.");
    }
}
