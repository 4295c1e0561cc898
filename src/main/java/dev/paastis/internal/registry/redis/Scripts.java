package dev.paastis.internal.registry.redis;

import dev.paastis.policy.ActivityHistory;

/**
 * The Lua scripts that make each tracker operation one atomic step on a Redis shared by several
 * instances. Records are edited in place with cjson, which keeps fields it does not know; a record
 * of another schema version is refused. Instants are epoch milliseconds. The keys of each script
 * are {@code KEYS[1]} the app's record, {@code KEYS[2]} the apps hash, {@code KEYS[3]} the idle
 * set, {@code KEYS[4]} the pins hash and {@code KEYS[5]} the app's activity bitmap (or the lock for
 * the lock scripts), unless the script says otherwise.
 */
final class Scripts {

  private Scripts() {}

  private static final String LOAD =
      """
      local function read_app(raw)
        local app = cjson.decode(raw)
        if app.v ~= %d then
          error({err = 'PAASTIS_SCHEMA record ' .. KEYS[1] .. ' has schema version '
            .. tostring(app.v) .. ', this Paastis reads version %d'})
        end
        return app
      end
      local function existing()
        local raw = redis.call('GET', KEYS[1])
        if not raw then
          return nil
        end
        return read_app(raw)
      end
      local function save(app)
        redis.call('SET', KEYS[1], cjson.encode(app))
      end
      """
          .formatted(StoredApp.VERSION, StoredApp.VERSION);

  /**
   * Records the hour of {@code at} (epoch ms) in the activity bitmap {@code key} of {@code app},
   * whose {@code activityHour} is the newest hour recorded: the same ring as {@link
   * dev.paastis.policy.ActivityHistory}, bit {@code hour mod 672}. An hour already recorded writes
   * nothing; a newer hour first clears the bits of the hours skipped (they held the hours of 28
   * days before), a byte at a time where it can, or the whole bitmap after 28 days unused. True
   * when {@code activityHour} moved (the record must be saved).
   */
  private static final String ACTIVITY =
      """
      local function record_activity(app, at, key)
        local hours = %d
        local hour = math.floor(at / 3600000)
        local newest = app.activityHour
        if hour < 0 or (newest and hour <= newest - hours) then
          return false
        end
        if newest and hour <= newest then
          if redis.call('GETBIT', key, hour %% hours) == 0 then
            redis.call('SETBIT', key, hour %% hours, 1)
          end
          return false
        end
        if not newest or hour - newest >= hours then
          redis.call('DEL', key)
        else
          local skipped = newest + 1
          while skipped < hour do
            local bit = skipped %% hours
            if bit %% 8 == 0 and hour - skipped >= 8 then
              redis.call('SETRANGE', key, math.floor(bit / 8), '\0')
              skipped = skipped + 8
            else
              redis.call('SETBIT', key, bit, 0)
              skipped = skipped + 1
            end
          end
        end
        redis.call('SETBIT', key, hour %% hours, 1)
        app.activityHour = hour
        return true
      end
      """
          .formatted(ActivityHistory.HOURS);

  /** Writes a new record (ARGV[3]) with its provider (ARGV[2]) and idle deadline (its arg). */
  private static final String REGISTER =
      """
      local function register(deadline)
        redis.call('SET', KEYS[1], ARGV[3])
        redis.call('HSET', KEYS[2], ARGV[1], ARGV[2])
        redis.call('ZADD', KEYS[3], deadline, ARGV[1])
      end
      """;

  /**
   * Creates or replaces a record. ARGV: key, provider, record, idle deadline or '' asleep, pinned
   * until or '' unpinned, activity bitmap or '' for none.
   */
  static final RedisScript PUT =
      new RedisScript(
          """
          redis.call('SET', KEYS[1], ARGV[3])
          redis.call('HSET', KEYS[2], ARGV[1], ARGV[2])
          if ARGV[4] == '' then
            redis.call('ZREM', KEYS[3], ARGV[1])
          else
            redis.call('ZADD', KEYS[3], ARGV[4], ARGV[1])
          end
          if ARGV[5] == '' then
            redis.call('HDEL', KEYS[4], ARGV[1])
          else
            redis.call('HSET', KEYS[4], ARGV[1], ARGV[5])
          end
          if ARGV[6] == '' then
            redis.call('DEL', KEYS[5])
          else
            redis.call('SET', KEYS[5], ARGV[6])
          end
          return 1
          """);

  /** Registers unless tracked; 1 when registered. ARGV: key, provider, record, idle deadline. */
  static final RedisScript REGISTER_IF_ABSENT =
      new RedisScript(
          REGISTER
              + """
              if redis.call('EXISTS', KEYS[1]) == 1 then
                return 0
              end
              register(ARGV[4])
              return 1
              """);

  /**
   * Awake from now, registered when untracked; 1 when registered. ARGV: key, provider, record to
   * register, its idle deadline, now.
   */
  static final RedisScript MARK_AWAKE =
      new RedisScript(
          LOAD
              + REGISTER
              + """
              local app = existing()
              if not app then
                register(ARGV[4])
                return 1
              end
              local now = tonumber(ARGV[5])
              app.lastAccessedAt = now
              app.stoppedAt = nil
              save(app)
              redis.call('ZADD', KEYS[3], now + app.maxIdleTimeMs, ARGV[1])
              return 0
              """);

  /**
   * A request at {@code at}: records its hour in the activity, moves the last access forward only;
   * 1 when moved. KEYS: record, idle, activity. ARGV: key, at.
   */
  static final RedisScript TOUCH =
      new RedisScript(
          LOAD
              + ACTIVITY
              + """
              local app = existing()
              if not app then
                return 0
              end
              local at = tonumber(ARGV[2])
              local recorded = record_activity(app, at, KEYS[3])
              local moved = at > app.lastAccessedAt
              if moved then
                app.lastAccessedAt = at
                if app.stoppedAt == nil then
                  redis.call('ZADD', KEYS[2], at + app.maxIdleTimeMs, ARGV[1])
                end
              end
              if moved or recorded then
                save(app)
              end
              if moved then
                return 1
              end
              return 0
              """);

  /**
   * Stopped at {@code at}, keeping a formation that runs something. KEYS: record, idle. ARGV: key,
   * formation JSON or '' to keep the saved one, at.
   */
  static final RedisScript SAVE_FORMATION =
      new RedisScript(
          LOAD
              + """
              local app = existing()
              if not app then
                return 0
              end
              if ARGV[2] ~= '' then
                app.savedFormation = cjson.decode(ARGV[2])
              end
              app.stoppedAt = tonumber(ARGV[3])
              save(app)
              redis.call('ZREM', KEYS[2], ARGV[1])
              return 1
              """);

  /**
   * Pins a tracked app until ARGV[2] (epoch ms), or unpins it when ''; 1 when tracked. KEYS:
   * record, pins. ARGV: key, until.
   */
  static final RedisScript PIN =
      new RedisScript(
          LOAD
              + """
              local app = existing()
              if not app then
                return 0
              end
              if ARGV[2] == '' then
                app.pinnedUntil = nil
                redis.call('HDEL', KEYS[2], ARGV[1])
              else
                app.pinnedUntil = tonumber(ARGV[2])
                redis.call('HSET', KEYS[2], ARGV[1], ARGV[2])
              end
              save(app)
              return 1
              """);

  /** Stops tracking, activity included; 1 when the app was tracked. ARGV: key. */
  static final RedisScript FORGET =
      new RedisScript(
          """
          redis.call('DEL', KEYS[5])
          redis.call('HDEL', KEYS[2], ARGV[1])
          redis.call('ZREM', KEYS[3], ARGV[1])
          redis.call('HDEL', KEYS[4], ARGV[1])
          return redis.call('DEL', KEYS[1])
          """);

  /** Extends a lock its holder still holds; 1 when extended. KEYS: lock. ARGV: token, ms. */
  static final RedisScript RENEW =
      new RedisScript(
          """
          if redis.call('GET', KEYS[1]) == ARGV[1] then
            return redis.call('PEXPIRE', KEYS[1], ARGV[2])
          end
          return 0
          """);

  /**
   * Takes a lock that is free, or extends it for its holder; 1 when held. Idempotent, so that two
   * attempts of one holder in flight at once agree. KEYS: lock. ARGV: token, ms.
   */
  static final RedisScript HOLD =
      new RedisScript(
          """
          local holder = redis.call('GET', KEYS[1])
          if holder == ARGV[1] then
            redis.call('PEXPIRE', KEYS[1], ARGV[2])
            return 1
          end
          if not holder then
            redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
            return 1
          end
          return 0
          """);

  /** Deletes a lock its holder still holds; 1 when deleted. KEYS: lock. ARGV: token. */
  static final RedisScript RELEASE =
      new RedisScript(
          """
          if redis.call('GET', KEYS[1]) == ARGV[1] then
            return redis.call('DEL', KEYS[1])
          end
          return 0
          """);
}
