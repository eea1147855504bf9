package io.weir.connectors.nexmark;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

/**
 * The text of nexmark events: the fixed vocabularies (names, cities, states, channels), the urls
 * of the channels, random strings, and the {@code extra} padding. One instance per table source,
 * built from the seed; immutable, so the readers of all splits share it.
 */
final class NexmarkText {
  static final String[] US_STATES = {"AZ", "CA", "ID", "OR", "WA", "WY"};
  static final String[] US_CITIES = {
    "Phoenix", "Los Angeles", "San Francisco", "Boise", "Portland", "Bend", "Redmond", "Seattle",
    "Kent", "Cheyenne"
  };
  static final String[] FIRST_NAMES = {
    "Peter", "Paul", "Luke", "John", "Saul", "Vicky", "Kate", "Julie", "Sarah", "Deiter", "Walter"
  };
  static final String[] LAST_NAMES = {
    "Shultz", "Abrams", "Spencer", "White", "Bartels", "Walton", "Smith", "Jones", "Noris"
  };
  /** Every "first last" name, so a person's name is one pick, not a concatenation. */
  static final String[] NAMES = names();
  static final String[] HOT_CHANNELS = {"Google", "Facebook", "Baidu", "Apple"};
  static final int CHANNELS = 10_000;
  static final String[] CHANNEL_NAMES = channelNames();
  static final int MIN_STRING_LENGTH = 3;

  /** Where extras are cut from: random letters, one byte each. */
  private static final int POOL_SPAN = 1 << 16;
  private static final long URL_SALT = 0x3c6ef372fe94f82bL;
  private static final long POOL_SALT = 0xa54ff53a5f1d36f1L;

  private final byte[] pool;
  private final String[] hotUrls = new String[HOT_CHANNELS.length];
  private final String[] channelUrls = new String[CHANNELS];

  /**
   * @param maxExtra the longest {@code extra} that will be asked for
   */
  NexmarkText(long seed, int maxExtra) {
    EventRandom random = new EventRandom(seed ^ POOL_SALT);
    random.reset(0);
    pool = new byte[POOL_SPAN + maxExtra];
    for (int i = 0; i < pool.length; i++) {
      pool[i] = (byte) ('a' + random.nextInt(26));
    }
    // A channel's url is fixed for the run, as Flink caches it; here it is a function of the seed
    // and the channel, so every split and every run with this seed agrees.
    EventRandom urls = new EventRandom(seed ^ URL_SALT);
    byte[] buf = new byte[128];
    for (int i = 0; i < hotUrls.length; i++) {
      urls.reset(-1 - i);
      hotUrls[i] = baseUrl(urls, buf);
    }
    for (int i = 0; i < CHANNELS; i++) {
      urls.reset(i);
      String url = baseUrl(urls, buf);
      // Nine in ten channels carry their id in the url.
      channelUrls[i] = urls.nextInt(10) > 0 ? url + "&channel_id=" + Math.abs(Integer.reverse(i)) : url;
    }
  }

  String hotUrl(int i) {
    return hotUrls[i];
  }

  String channelUrl(int i) {
    return channelUrls[i];
  }

  /**
   * Padding that brings an event of {@code currentSize} bytes to {@code averageSize} on average,
   * uniformly within ±20%: {@code size - delta + U[0, 2 delta)} letters, {@code delta = round(size
   * / 5)}. The letters are cut from a random pool at a random offset: cheaper than drawing each
   * one, and as meaningless.
   */
  String extra(EventRandom random, int currentSize, int averageSize) {
    if (currentSize > averageSize) {
      return "";
    }
    int size = averageSize - currentSize;
    int delta = (int) Math.round(size * 0.2);
    int length = size - delta + (delta == 0 ? 0 : random.nextInt(2 * delta));
    if (length == 0) {
      return "";
    }
    return new String(pool, random.nextInt(POOL_SPAN), length, ISO_8859_1);
  }

  /** The longest extra {@link #extra} returns for {@code averageSize}. */
  static int maxExtra(int averageSize) {
    return averageSize + (int) Math.round(averageSize * 0.2) + 1;
  }

  /**
   * Writes a random string of {@code 3 + U[0, maxLength - 3)} characters at {@code buf[pos]}, each
   * {@code special} with probability 1/13, else a letter a–z; spaces are trimmed from both ends
   * (Flink's {@code nextString(...).trim()}).
   *
   * @return the index after the string
   */
  static int writeString(EventRandom random, byte[] buf, int pos, int maxLength, byte special) {
    int end = pos + MIN_STRING_LENGTH + random.nextInt(maxLength - MIN_STRING_LENGTH);
    long bits = 0;
    int left = 0;
    for (int i = pos; i < end; i++) {
      if (left == 0) {
        bits = random.nextLong();
        left = 4;
      }
      // 16 random bits scaled to [0, 338): 26 of the 338 values (1/13) are the special character,
      // the other 312 are 12 rounds of a–z.
      int v = (int) (((bits & 0xFFFF) * 338) >>> 16);
      bits >>>= 16;
      left--;
      buf[i] = v < 26 ? special : (byte) ('a' + v % 26);
    }
    if (special != ' ') {
      return end;
    }
    int start = pos;
    while (start < end && buf[start] == ' ') {
      start++;
    }
    while (end > start && buf[end - 1] == ' ') {
      end--;
    }
    if (start > pos) {
      System.arraycopy(buf, start, buf, pos, end - start);
    }
    return pos + (end - start);
  }

  /** A random string of up to {@code maxLength - 1} characters, spaces trimmed. */
  static String nextString(EventRandom random, byte[] buf, int maxLength) {
    int end = writeString(random, buf, 0, maxLength, (byte) ' ');
    return new String(buf, 0, end, ISO_8859_1);
  }

  /** {@code https://www.nexmark.com/<s>/<s>/<s>/item.htm?query=1}, each {@code <s>} 3–4 of a–z and _. */
  private static String baseUrl(EventRandom random, byte[] buf) {
    int pos = put(buf, 0, "https://www.nexmark.com/");
    for (int i = 0; i < 3; i++) {
      pos = writeString(random, buf, pos, 5, (byte) '_');
      buf[pos++] = '/';
    }
    pos = put(buf, pos, "item.htm?query=1");
    return new String(buf, 0, pos, ISO_8859_1);
  }

  static int put(byte[] buf, int pos, String ascii) {
    for (int i = 0; i < ascii.length(); i++) {
      buf[pos++] = (byte) ascii.charAt(i);
    }
    return pos;
  }

  private static String[] names() {
    String[] names = new String[FIRST_NAMES.length * LAST_NAMES.length];
    for (int f = 0; f < FIRST_NAMES.length; f++) {
      for (int l = 0; l < LAST_NAMES.length; l++) {
        names[f * LAST_NAMES.length + l] = FIRST_NAMES[f] + " " + LAST_NAMES[l];
      }
    }
    return names;
  }

  private static String[] channelNames() {
    String[] names = new String[CHANNELS];
    for (int i = 0; i < CHANNELS; i++) {
      names[i] = "channel-" + i;
    }
    return names;
  }
}
