using System.Security.Cryptography;
using System.Text;

namespace CloudMgmt.Adapters.Ec2.Grants;

/// <summary>
/// The ClientToken of a CreateCapacityReservation: the same for every attempt at making one
/// reservation (so a retry whose first attempt did reach EC2 gets the same reservation back), and
/// different for a new reservation of the same allocation and type after the previous one was
/// cancelled (EC2 remembers tokens, and would return the cancelled one). The generation is how many
/// reservations of this allocation and type EC2 already lists, in any state. EC2 takes at most 64 ASCII characters.
/// </summary>
internal static class ClientTokens
{
    public static string For(string allocationId, string instanceType, string zone, int generation)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{allocationId}\n{instanceType}\n{zone}"));
        return $"cm-{Convert.ToHexStringLower(hash)[..40]}-{generation}";
    }
}
