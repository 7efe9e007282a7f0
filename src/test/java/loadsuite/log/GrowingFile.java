package loadsuite.log;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.BooleanSupplier;

/**
 * A file read while another thread appends to it: at its current end a read waits for more bytes,
 * until {@code ended} holds, and then reads what is left before it ends. Gatling writes its
 * simulation.log 8 KiB at a time, so a record may arrive in two parts.
 */
final class GrowingFile extends InputStream {
  /** How long a read at the file's current end waits before looking again. */
  private static final long WAIT_MS = 100;

  private final FileChannel channel;
  private final BooleanSupplier ended;

  GrowingFile(Path file, BooleanSupplier ended) throws IOException {
    this.channel = FileChannel.open(file, StandardOpenOption.READ);
    this.ended = ended;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] bytes, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    while (true) {
      // read whether it ended before looking, so that the bytes written before the end are all read
      boolean last = ended.getAsBoolean();
      int read = channel.read(ByteBuffer.wrap(bytes, offset, length));
      if (read > 0 || last) {
        return read > 0 ? read : -1;
      }
      try {
        Thread.sleep(WAIT_MS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("stopped while waiting for more of the log");
      }
    }
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
