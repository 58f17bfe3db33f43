package ai.zelto.application.port.in.recording;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ByteRangeTest {
    private static final long SIZE = 1000;

    @Test
    void singleRanges_selectTheBytesAsked_clampedToTheEnd() {
        assertThat(ByteRange.of("bytes=0-9", SIZE)).isEqualTo(new ByteRange.Part(0, 9, SIZE));
        assertThat(ByteRange.of("bytes=990-", SIZE)).isEqualTo(new ByteRange.Part(990, 999, SIZE));
        assertThat(ByteRange.of("bytes=-10", SIZE)).isEqualTo(new ByteRange.Part(990, 999, SIZE));
        assertThat(ByteRange.of("bytes=500-5000", SIZE)).isEqualTo(new ByteRange.Part(500, 999, SIZE));
        assertThat(ByteRange.of(" BYTES=1-2 ", SIZE)).isEqualTo(new ByteRange.Part(1, 2, SIZE));
        assertThat(((ByteRange.Part) ByteRange.of("bytes=0-9", SIZE)).length()).isEqualTo(10);
    }

    @Test
    void numbersBeyondALong_saturate_insteadOfFailing() {
        assertThat(ByteRange.of("bytes=99999999999999999999-", SIZE)).isEqualTo(new ByteRange.Unsatisfiable(SIZE));
        assertThat(ByteRange.of("bytes=9223372036854775808-", SIZE)).isEqualTo(new ByteRange.Unsatisfiable(SIZE));
        assertThat(ByteRange.of("bytes=0-99999999999999999999", SIZE)).isEqualTo(new ByteRange.Part(0, 999, SIZE));
        assertThat(ByteRange.of("bytes=-99999999999999999999", SIZE)).isEqualTo(new ByteRange.Part(0, 999, SIZE));
        assertThat(ByteRange.of("bytes=000000000000000000000001-2", SIZE)).isEqualTo(new ByteRange.Part(1, 2, SIZE));
    }

    @Test
    void rangesTheRecordingCannotServe_areUnsatisfiable() {
        assertThat(ByteRange.of("bytes=1000-", SIZE)).isEqualTo(new ByteRange.Unsatisfiable(SIZE));
        assertThat(ByteRange.of("bytes=10-1", SIZE)).isEqualTo(new ByteRange.Unsatisfiable(SIZE));
        assertThat(ByteRange.of("bytes=-0", SIZE)).isEqualTo(new ByteRange.Unsatisfiable(SIZE));
    }

    @Test
    void noRange_orOneThisParserDoesNotServe_meansTheWholeRecording() {
        assertThat(ByteRange.of(null, SIZE)).isEqualTo(new ByteRange.Whole(SIZE));
        assertThat(ByteRange.of("bytes=-", SIZE)).isEqualTo(new ByteRange.Whole(SIZE));
        assertThat(ByteRange.of("bytes=0-1,5-6", SIZE)).isEqualTo(new ByteRange.Whole(SIZE));
        assertThat(ByteRange.of("items=0-1", SIZE)).isEqualTo(new ByteRange.Whole(SIZE));
        assertThat(ByteRange.of("bytes=x", SIZE)).isEqualTo(new ByteRange.Whole(SIZE));
        assertThat(ByteRange.of("bytes=0-9", 0)).isEqualTo(new ByteRange.Whole(0));
    }
}
