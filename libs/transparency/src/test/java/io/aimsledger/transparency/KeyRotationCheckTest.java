package io.aimsledger.transparency;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Checkpoints across key rotations: each must be signed by the key that was current for its tree size. */
class KeyRotationCheckTest {

    private static final KeyPair FIRST = SigningKeys.generate();
    private static final KeyPair SECOND = SigningKeys.generate();
    private static final KeyPair THIRD = SigningKeys.generate();
    private static final Instant T = Instant.parse("2026-11-30T10:00:00Z");

    private static final List<String> EVENTS = new ArrayList<>();
    private static final List<byte[]> LEAVES = new ArrayList<>();

    static {
        for (int i = 0; i < 20; i++) {
            String event = "{\"id\":\"e" + i + "\",\"n\":" + i + "}";
            EVENTS.add(event);
            LEAVES.add(MerkleHashes.leaf(CanonicalJson.canonicalize(event)));
        }
    }

    /** FIRST signs from 0, SECOND from 8, THIRD from 14 entries. */
    private static final List<KeyAnnouncement> ROTATED_TWICE = List.of(
            KeyAnnouncement.first(FIRST.getPublic(), T),
            KeyAnnouncement.handedOver(FIRST, SECOND.getPublic(), 8, T.plusSeconds(60)),
            KeyAnnouncement.handedOver(SECOND, THIRD.getPublic(), 14, T.plusSeconds(120)));

    private static SignedCheckpoint signed(KeyPair key, int size) {
        return new CheckpointSigner(key).sign(Checkpoint.of(size, MerkleTree.root(LEAVES.subList(0, size)), T));
    }

    private static LogCheck.Result check(List<KeyAnnouncement> keys, SignedCheckpoint... checkpoints) {
        var check = new LogCheck(List.of(checkpoints), KeyHistory.of(keys));
        for (int i = 0; i < EVENTS.size(); i++) {
            check.entry(i + 1, (long) i, LEAVES.get(i), EVENTS.get(i));
        }
        return check.finish();
    }

    @Test
    void everyCheckpointVerifiesWithTheKeyCurrentForIt() {
        LogCheck.Result result = check(ROTATED_TWICE, signed(FIRST, 0), signed(FIRST, 5), signed(FIRST, 8),
                signed(SECOND, 8), signed(SECOND, 12), signed(THIRD, 14), signed(THIRD, 20));

        assertThat(result.valid()).as(result.finding()).isTrue();
        assertThat(result.keysChecked()).isEqualTo(3);
        assertThat(result.checkpointsChecked()).isEqualTo(7);
        assertThat(KeyHistory.of(ROTATED_TWICE).current().orElseThrow().keyId()).isEqualTo(SigningKeys.keyId(THIRD.getPublic()));
    }

    @Test
    void aCheckpointOfAnUnannouncedKeyIsRefused() {
        KeyPair stranger = SigningKeys.generate();

        LogCheck.Result result = check(ROTATED_TWICE, signed(FIRST, 5), signed(stranger, 20));

        assertThat(result.valid()).isFalse();
        assertThat(result.finding()).isEqualTo("the checkpoint of 20 entries is signed by key "
                + SigningKeys.keyId(stranger.getPublic()) + ", which the key history does not announce");
    }

    @Test
    void aRetiredKeyCannotSignALongerTreeNorAnEarlierOne() {
        LogCheck.Result retired = check(ROTATED_TWICE, signed(FIRST, 12));
        LogCheck.Result early = check(ROTATED_TWICE, signed(THIRD, 12));

        assertThat(retired.valid()).isFalse();
        assertThat(retired.finding()).contains("which signs only trees of 0 to 8 entries");
        assertThat(early.valid()).isFalse();
        assertThat(early.finding()).contains("which signs only trees of 14 entries or more");
    }

    @Test
    void aHandOverTheKeyBeforeDidNotSignBreaksTheChain() {
        KeyPair stranger = SigningKeys.generate();
        List<KeyAnnouncement> forged = List.of(ROTATED_TWICE.get(0),
                KeyAnnouncement.handedOver(stranger, SECOND.getPublic(), 8, T.plusSeconds(60)), ROTATED_TWICE.get(2));
        KeyAnnouncement moved = ROTATED_TWICE.get(1);
        List<KeyAnnouncement> changedSize = List.of(ROTATED_TWICE.get(0), new KeyAnnouncement(moved.keyId(),
                moved.publicKey(), 2, moved.from(), moved.handOverSignature()), ROTATED_TWICE.get(2));

        assertThat(KeyHistory.of(ROTATED_TWICE).findings()).isEmpty();
        assertThat(KeyHistory.of(forged).findings()).containsExactly("the hand-over to key "
                + SigningKeys.keyId(SECOND.getPublic()) + " is not signed by the key before it ("
                + SigningKeys.keyId(FIRST.getPublic()) + ")");
        assertThat(KeyHistory.of(changedSize).findings()).singleElement().asString().contains("is not signed by the key before it");
        assertThat(check(forged, signed(SECOND, 12)).valid()).isFalse();
    }

    @Test
    void theFirstKeySignsFromTheEmptyTreeAndKeysDoNotGoBack() {
        List<KeyAnnouncement> backwards = List.of(ROTATED_TWICE.get(0),
                KeyAnnouncement.handedOver(FIRST, SECOND.getPublic(), 8, T),
                KeyAnnouncement.handedOver(SECOND, THIRD.getPublic(), 4, T));

        assertThat(KeyHistory.of(backwards).findings()).singleElement().asString().contains("before its predecessor");
        assertThat(KeyHistory.of(List.of(KeyAnnouncement.handedOver(FIRST, SECOND.getPublic(), 3, T))).findings())
                .singleElement().asString().contains("not from the empty tree");
        assertThat(KeyHistory.of(List.of()).findings()).containsExactly("the key history is empty");
    }

    @Test
    void entriesFromBeforeTheTreeComeFirstAndAsRecorded() {
        var before = new LogCheck(List.of(signed(FIRST, 20)), KeyHistory.of(ROTATED_TWICE.subList(0, 1)));
        before.preTreeEntry(1, true);
        before.preTreeEntry(2, true);
        for (int i = 0; i < EVENTS.size(); i++) {
            before.entry(i + 3, (long) i, LEAVES.get(i), EVENTS.get(i));
        }
        LogCheck.Result clean = before.finish();

        var changed = new LogCheck(List.of(), KeyHistory.of(ROTATED_TWICE.subList(0, 1)));
        changed.preTreeEntry(1, false);
        var late = new LogCheck(List.of(), KeyHistory.of(ROTATED_TWICE.subList(0, 1)));
        late.entry(1, 0L, LEAVES.get(0), EVENTS.get(0));
        late.preTreeEntry(2, true);

        assertThat(clean.valid()).as(clean.finding()).isTrue();
        assertThat(clean.preTreeEntries()).isEqualTo(2);
        assertThat(clean.checkedEntries()).isEqualTo(22);
        assertThat(clean.treeSize()).isEqualTo(20);
        assertThat(changed.finish().firstInvalidSeq()).isEqualTo(1);
        assertThat(late.finish().finding()).contains("comes after the tree began");
    }
}
