package dev.paddock.trainer.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.util.cuda.CudaUtils;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;

/** Picks the device (CUDA when the engine sees a GPU, else CPU) and describes the machine. */
public final class Hardware {

  private Hardware() {}

  /** The GPU's name from nvidia-smi, or "unknown" where it cannot be asked. */
  static String gpuModel(int index) {
    try {
      Process p =
          new ProcessBuilder(
                  "nvidia-smi", "--query-gpu=name", "--format=csv,noheader", "--id=" + index)
              .redirectErrorStream(true)
              .start();
      String out = new String(p.getInputStream().readAllBytes()).trim();
      return p.waitFor() == 0 && !out.isEmpty() ? out : "unknown";
    } catch (java.io.IOException e) {
      return "unknown";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "unknown";
    }
  }

  /** The sum of the heap memory pools' peak usage since the JVM started. */
  public static long peakHeapBytes() {
    long sum = 0;
    for (java.lang.management.MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == java.lang.management.MemoryType.HEAP && pool.getPeakUsage() != null) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }

  public static Device pickDevice() {
    return Engine.getInstance().getGpuCount() > 0 ? Device.gpu() : Device.cpu();
  }

  /** What {@code metadata.json} records about where the run happened. */
  public static Map<String, Object> describe(Device device) {
    Map<String, Object> m = new LinkedHashMap<>();
    Engine engine = Engine.getInstance();
    m.put("mode", device.isGpu() ? "cuda" : "cpu");
    m.put("device", device.toString());
    m.put("gpu_count", engine.getGpuCount());
    if (device.isGpu()) {
      m.put("gpu_compute_capability", CudaUtils.getComputeCapability(device.getDeviceId()));
      m.put("gpu_memory_bytes", CudaUtils.getGpuMemory(device).getMax());
      m.put("cuda_version", CudaUtils.getCudaVersionString());
      m.put("gpu_model", gpuModel(device.getDeviceId()));
    }
    m.put("cpu_cores", Runtime.getRuntime().availableProcessors());
    m.put("jvm_max_heap_bytes", Runtime.getRuntime().maxMemory());
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      m.put("memory_bytes", os.getTotalMemorySize());
    }
    m.put("torch_threads", Integer.getInteger("ai.djl.pytorch.num_threads", -1));
    m.put("engine", engine.getEngineName());
    m.put("engine_version", engine.getVersion());
    m.put("djl_version", Engine.getDjlVersion());
    m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
    m.put("java", System.getProperty("java.version"));
    return m;
  }
}
