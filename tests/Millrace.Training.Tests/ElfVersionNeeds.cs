using System.Buffers.Binary;
using System.Text;

namespace Millrace.Training.Tests;

/// <summary>Reads the version needs (.gnu.version_r) of an ELF64 little-endian file: name and flags of each.</summary>
internal static class ElfVersionNeeds
{
    public static Dictionary<string, ushort> Read(string path)
    {
        var elf = File.ReadAllBytes(path);
        ushort U16(long o) => BinaryPrimitives.ReadUInt16LittleEndian(elf.AsSpan((int)o));
        uint U32(long o) => BinaryPrimitives.ReadUInt32LittleEndian(elf.AsSpan((int)o));
        long U64(long o) => (long)BinaryPrimitives.ReadUInt64LittleEndian(elf.AsSpan((int)o));
        long table = U64(0x28);
        int size = U16(0x3A), count = U16(0x3C);
        var result = new Dictionary<string, ushort>();
        for (int s = 0; s < count; s++)
        {
            long header = table + s * size;
            if (U32(header + 4) != 0x6FFFFFFE) continue;
            long strings = U64(table + U32(header + 0x28) * size + 0x18);
            for (long need = U64(header + 0x18); ; need += U32(need + 12))
            {
                long aux = need + U32(need + 8);
                for (int a = 0; a < U16(need + 2); a++, aux += U32(aux + 12))
                {
                    long start = strings + U32(aux + 8), end = start;
                    while (elf[end] != 0) end++;
                    result[Encoding.ASCII.GetString(elf, (int)start, (int)(end - start))] = U16(aux + 4);
                    if (U32(aux + 12) == 0) break;
                }
                if (U32(need + 12) == 0) break;
            }
        }
        return result;
    }
}
