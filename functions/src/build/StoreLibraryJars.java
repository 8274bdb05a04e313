import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Rewrites a Lambda deployment package so that the jars under {@code lib/} hold their classes uncompressed (STORED)
 * while the package itself stays deflated.
 *
 * <p>Why: Lambda unpacks the package into /var/task once, but a JVM inflates every class it loads from a
 * compressed jar, on every cold start. A handler's first AWS call loads some 2,000 classes; inflating them is about
 * a sixth of a cold start (bench/README.md, "Cold start"). Stored jars cost nothing to read, and deflating the
 * package as a whole compresses them better than each jar compressed itself, so the upload gets smaller too; only
 * the unpacked size grows (DeploymentPackageTest keeps it under Lambda's 250 MB limit).
 *
 * <p>Run by the functions build right after Quarkus writes function.zip, as a single-file program:
 * {@code java functions/src/build/StoreLibraryJars.java functions/target/function.zip}. Running it twice gives the
 * same package.
 */
public final class StoreLibraryJars {

    private StoreLibraryJars() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: StoreLibraryJars <function.zip>");
        }
        Path zip = Path.of(args[0]);
        Path rewritten = zip.resolveSibling(zip.getFileName() + ".tmp");
        int jars = 0;
        long unpacked = 0;
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip));
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(rewritten))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                byte[] content = in.readAllBytes();
                if (isLibraryJar(entry)) {
                    content = storedCopy(content);
                    jars++;
                }
                unpacked += content.length;
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTime(entry.getTime());
                out.putNextEntry(copy);
                out.write(content);
                out.closeEntry();
            }
        }
        Files.move(rewritten, zip, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        System.out.printf("%s: %d library jars stored uncompressed; %.1f MB to upload, %.1f MB unpacked%n",
                zip, jars, Files.size(zip) / 1e6, unpacked / 1e6);
    }

    private static boolean isLibraryJar(ZipEntry entry) {
        return !entry.isDirectory() && entry.getName().startsWith("lib/") && entry.getName().endsWith(".jar");
    }

    /** The same jar, entry for entry and in the same order, with every entry STORED. */
    private static byte[] storedCopy(byte[] jar) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(jar.length * 3);
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(jar));
             ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                byte[] content = in.readAllBytes();
                CRC32 crc = new CRC32();
                crc.update(content);
                ZipEntry stored = new ZipEntry(entry.getName());
                stored.setMethod(ZipEntry.STORED);
                stored.setSize(content.length);
                stored.setCompressedSize(content.length);
                stored.setCrc(crc.getValue());
                stored.setTime(entry.getTime());
                out.putNextEntry(stored);
                out.write(content);
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
