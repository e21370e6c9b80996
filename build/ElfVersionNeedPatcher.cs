#nullable enable
using System;
using System.IO;
using System.Text;

namespace Npa.Build
{
    /// <summary>Marks a required symbol version (a Vernaux entry of .gnu.version_r) weak in an ELF64 little-endian shared object.</summary>
    /// <remarks>
    /// libLibTorchSharp.so is linked against GCC 13 and asks for GLIBCXX_3.4.32, which Debian 12's libstdc++ lacks.
    /// The only symbol under that version is never called, so a weak requirement lets the loader accept the library.
    /// This file is compiled twice: by MSBuild's RoslynCodeTaskFactory (see TorchSharpNativeFix.targets) and by the tests.
    /// </remarks>
    public static class ElfVersionNeedPatcher
    {
        private const uint ShtGnuVerneed = 0x6ffffffe;
        private const ushort VerFlagWeak = 0x2;

        /// <summary>What the patcher found or did.</summary>
        public enum Outcome { Patched, AlreadyWeak, VersionNotRequired }

        /// <summary>Patches the file in place (atomically, through a temporary file) and reports what happened.</summary>
        public static Outcome WeakenVersionRequirement(string path, string versionName)
        {
            byte[] image = File.ReadAllBytes(path);
            Outcome outcome = WeakenVersionRequirement(image, versionName);
            if (outcome == Outcome.Patched)
            {
                string temp = path + ".npa-patch.tmp";
                File.WriteAllBytes(temp, image);
                // netstandard (which RoslynCodeTaskFactory compiles against) lacks Move(..., overwrite); Replace is atomic on one filesystem.
                File.Replace(temp, path, null);
            }
            return outcome;
        }

        /// <summary>Patches an in-memory ELF image.</summary>
        public static Outcome WeakenVersionRequirement(byte[] image, string versionName)
        {
            if (image.Length < 64 || image[0] != 0x7f || image[1] != (byte)'E' || image[2] != (byte)'L' || image[3] != (byte)'F')
                throw new InvalidDataException("not an ELF file");
            if (image[4] != 2 || image[5] != 1)
                throw new InvalidDataException("only 64-bit little-endian ELF files are supported");

            ulong sectionHeaderOffset = ReadU64(image, 0x28);
            int sectionHeaderSize = ReadU16(image, 0x3A);
            int sectionCount = ReadU16(image, 0x3C);
            bool found = false;
            bool patched = false;

            for (int i = 0; i < sectionCount; i++)
            {
                int header = checked((int)sectionHeaderOffset + i * sectionHeaderSize);
                if (ReadU32(image, header + 4) != ShtGnuVerneed)
                    continue;
                int offset = checked((int)ReadU64(image, header + 0x18));
                int stringTableIndex = (int)ReadU32(image, header + 0x28);
                int stringHeader = checked((int)sectionHeaderOffset + stringTableIndex * sectionHeaderSize);
                int strings = checked((int)ReadU64(image, stringHeader + 0x18));
                int needCount = (int)ReadU32(image, header + 0x2C); // sh_info: number of Verneed entries

                int need = offset;
                for (int n = 0; n < needCount; n++)
                {
                    int auxCount = ReadU16(image, need + 2);
                    int aux = need + (int)ReadU32(image, need + 8);
                    for (int a = 0; a < auxCount; a++)
                    {
                        string name = ReadCString(image, strings + (int)ReadU32(image, aux + 8));
                        if (name == versionName)
                        {
                            found = true;
                            ushort flags = ReadU16(image, aux + 4);
                            if ((flags & VerFlagWeak) == 0)
                            {
                                WriteU16(image, aux + 4, (ushort)(flags | VerFlagWeak));
                                patched = true;
                            }
                        }
                        aux += (int)ReadU32(image, aux + 12);
                    }
                    need += (int)ReadU32(image, need + 12);
                }
            }

            if (patched) return Outcome.Patched;
            return found ? Outcome.AlreadyWeak : Outcome.VersionNotRequired;
        }

        /// <summary>True when the given libstdc++ already defines the version, so no patch is needed.</summary>
        public static bool LibraryDefinesVersion(string libraryPath, string versionName)
        {
            if (!File.Exists(libraryPath)) return false;
            byte[] bytes = File.ReadAllBytes(libraryPath);
            byte[] needle = Encoding.ASCII.GetBytes(versionName + "\0");
            for (int i = 0; i + needle.Length <= bytes.Length; i++)
            {
                int j = 0;
                while (j < needle.Length && bytes[i + j] == needle[j]) j++;
                if (j == needle.Length) return true;
            }
            return false;
        }

        /// <summary>Finds the system libstdc++.so.6 in the usual Debian/Ubuntu locations.</summary>
        public static string? FindSystemLibStdCxx()
        {
            string[] candidates =
            {
                "/usr/lib/x86_64-linux-gnu/libstdc++.so.6",
                "/lib/x86_64-linux-gnu/libstdc++.so.6",
                "/usr/lib64/libstdc++.so.6",
                "/usr/lib/libstdc++.so.6",
            };
            foreach (string candidate in candidates)
                if (File.Exists(candidate)) return candidate;
            return null;
        }

        private static ushort ReadU16(byte[] b, int o) => (ushort)(b[o] | (b[o + 1] << 8));
        private static uint ReadU32(byte[] b, int o) => (uint)(b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24));
        private static ulong ReadU64(byte[] b, int o) => ReadU32(b, o) | ((ulong)ReadU32(b, o + 4) << 32);
        private static void WriteU16(byte[] b, int o, ushort v) { b[o] = (byte)v; b[o + 1] = (byte)(v >> 8); }

        private static string ReadCString(byte[] b, int o)
        {
            int end = o;
            while (end < b.Length && b[end] != 0) end++;
            return Encoding.ASCII.GetString(b, o, end - o);
        }
    }

#if !NPA_PATCHER_ONLY
    /// <summary>MSBuild task: weakens libLibTorchSharp.so's GLIBCXX_3.4.32 requirement in one output folder.</summary>
    public sealed class WeakenGlibcxxRequirement : Microsoft.Build.Utilities.Task
    {
        private const string Version = "GLIBCXX_3.4.32";

        /// <summary>Folder that holds libLibTorchSharp.so.</summary>
        [Microsoft.Build.Framework.Required]
        public string Directory { get; set; } = "";

        public override bool Execute()
        {
            string library = Path.Combine(Directory, "libLibTorchSharp.so");
            if (!File.Exists(library)) return true;
            string? system = ElfVersionNeedPatcher.FindSystemLibStdCxx();
            if (system != null && ElfVersionNeedPatcher.LibraryDefinesVersion(system, Version))
            {
                Log.LogMessage(Microsoft.Build.Framework.MessageImportance.Low, "{0} provides {1}; {2} left as is.", system, Version, library);
                return true;
            }
            try
            {
                var outcome = ElfVersionNeedPatcher.WeakenVersionRequirement(library, Version);
                Log.LogMessage(Microsoft.Build.Framework.MessageImportance.Low, "{0}: {1}", library, outcome);
                return true;
            }
            catch (Exception e) when (e is IOException || e is InvalidDataException || e is UnauthorizedAccessException)
            {
                Log.LogError("Could not weaken {0} in {1}: {2}", Version, library, e.Message);
                return false;
            }
        }
    }
#endif
}
