using System.Text.Json;
using TorchSharp;
using static TorchSharp.torch;

namespace Millrace.Training;

/// <summary>
/// Checkpoints in a directory so that a killed training resumes where it stopped. Each epoch is written into its
/// own folder (weights, optimizer state, best weights, then the progress file); a pointer file renamed into place
/// commits it, and older folders are then removed. A kill at any moment leaves the last committed epoch readable.
/// </summary>
internal sealed class TrainingCheckpoint(string directory)
{
    private const string PointerFile = "latest";

    /// <summary>Reads the last committed epoch into the network, the best copy and the optimizer; null when there is none.</summary>
    public TrainingProgress? TryRestore(nn.Module network, nn.Module best, TorchSharp.Modules.OptimizerHelper optimizer, string fingerprint)
    {
        var pointer = Path.Combine(directory, PointerFile);
        if (!File.Exists(pointer)) return null;
        var folder = Path.Combine(directory, File.ReadAllText(pointer).Trim());
        var progress = JsonSerializer.Deserialize<TrainingProgress>(File.ReadAllText(Path.Combine(folder, "progress.json")))
            ?? throw new TrainingDataException($"The checkpoint in '{folder}' is unreadable; delete '{directory}' to start over.");
        if (progress.OptionsFingerprint != fingerprint)
            throw new TrainingDataException($"The checkpoint in '{directory}' was written with other options or data; delete it to start over.");
        network.load(Path.Combine(folder, "weights.bin"));
        best.load(Path.Combine(folder, "best.bin"));
        optimizer.load_state_dict(Path.Combine(folder, "optimizer.bin"));
        return progress;
    }

    /// <summary>Writes and commits an epoch's state.</summary>
    public void Save(nn.Module network, nn.Module best, TorchSharp.Modules.OptimizerHelper optimizer, TrainingProgress progress)
    {
        var name = $"epoch-{progress.NextEpoch:D5}";
        var folder = Path.Combine(directory, name);
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        Directory.CreateDirectory(folder);
        network.save(Path.Combine(folder, "weights.bin"));
        best.save(Path.Combine(folder, "best.bin"));
        optimizer.save_state_dict(Path.Combine(folder, "optimizer.bin"));
        File.WriteAllText(Path.Combine(folder, "progress.json"), JsonSerializer.Serialize(progress));
        var temporary = Path.Combine(directory, PointerFile + ".tmp");
        File.WriteAllText(temporary, name);
        File.Move(temporary, Path.Combine(directory, PointerFile), overwrite: true);
        foreach (var old in Directory.EnumerateDirectories(directory, "epoch-*"))
            if (Path.GetFileName(old) != name) Directory.Delete(old, recursive: true);
    }
}
