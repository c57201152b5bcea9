using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Helpdesk.Core.Leases;

/// <summary>The names of leased work and their advisory-lock keys, the same in every instance and every release.</summary>
public static class LeaseResource
{
    public const string MailboxPrefix = "mailbox:";
    public const string SweepPrefix = "sweep:";

    public static string Mailbox(string name) => MailboxPrefix + name;

    public static string Sweep(string name) => SweepPrefix + name;

    /// <summary>A stable 64-bit key (mailbox names compare case-insensitively, so the key does too).</summary>
    public static long Key(string resource) =>
        BinaryPrimitives.ReadInt64BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes("helpdesk:" + resource.ToLowerInvariant())));
}
