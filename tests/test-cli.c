/* test-cli.c: stdbase-cli, run as a user runs it
 *
 * Each test runs the built program (STDBASE_CLI) in its own temporary
 * folder, with HOME and XDG_DATA_HOME pointing there so nothing outside
 * is touched, and checks exit status, standard output and standard error.
 * Exit status: 0 success, 1 invalid input, 2 usage error; every error is
 * exactly one line on standard error.  JSON output is checked with a small
 * strict parser below.  Expected dates were worked out by hand.
 */
#include "config.h"

#include <glib.h>
#include <sqlite3.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#define TODAY "2026-11-27"
#define DEMO_COUNT 40

/* Running the program */

typedef struct
{
  char  *dir;
  char  *db;     /* dir/programme.db, not created by the fixture */
  char **env;
} Fixture;

typedef struct
{
  int   status;  /* exit status */
  char *out;
  char *err;
} Result;

static void
result_free (Result *result)
{
  g_free (result->out);
  g_free (result->err);
  g_free (result);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Result, result_free)

static Result *
run_argv (Fixture    *fixture,
          GPtrArray  *args)
{
  g_autoptr(GError) error = NULL;
  const char *program = g_getenv ("STDBASE_CLI");
  Result *result = g_new0 (Result, 1);
  int wait_status = 0;

  g_assert_nonnull (program);
  g_ptr_array_insert (args, 0, (gpointer) program);
  g_ptr_array_add (args, NULL);

  g_spawn_sync (fixture->dir, (char **) args->pdata, fixture->env, G_SPAWN_DEFAULT,
                NULL, NULL, &result->out, &result->err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  result->status = WEXITSTATUS (wait_status);

  return result;
}

/* Runs stdbase-cli with the arguments up to NULL. */
static Result *
run (Fixture    *fixture,
     const char *first,
     ...) G_GNUC_NULL_TERMINATED;

static Result *
run (Fixture    *fixture,
     const char *first,
     ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  va_list ap;

  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);

  return run_argv (fixture, args);
}

static void
assert_success (Result *result)
{
  if (result->status != 0)
    g_error ("Expected success, got status %d: %s", result->status, result->err);
  g_assert_cmpstr (result->err, ==, "");
}

/* Fails with @status and exactly one line on standard error, nothing on
 * standard output. */
static void
assert_failure (Result *result,
                int     status)
{
  const char *newline = strchr (result->err, '\n');

  if (result->status != status)
    g_error ("Expected status %d, got %d; stderr: %s", status, result->status, result->err);
  g_assert_cmpstr (result->out, ==, "");
  g_assert_true (g_str_has_prefix (result->err, "stdbase-cli: "));
  g_assert_nonnull (newline);
  g_assert_cmpint (newline[1], ==, '\0');
  g_assert_cmpuint (strlen (result->err), >, strlen ("stdbase-cli: ") + 10);
}

/* Runs stdbase-cli with the arguments and expects success. */
#define RUN_OK(fixture, ...) \
  G_STMT_START { \
    g_autoptr(Result) ok_result_ = run (fixture, __VA_ARGS__, NULL); \
    assert_success (ok_result_); \
  } G_STMT_END

static void
assert_contains (const char *text,
                 const char *part)
{
  if (strstr (text, part) == NULL)
    g_error ("“%s” does not contain “%s”", text, part);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          if (g_file_test (child, G_FILE_TEST_IS_DIR))
            remove_tree (child);
          else
            g_remove (child);
        }
    }
  g_rmdir (path);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *xdg = NULL;

  fixture->dir = g_dir_make_tmp ("test-cli-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->db = g_build_filename (fixture->dir, "programme.db", NULL);
  xdg = g_build_filename (fixture->dir, "xdg", NULL);

  /* STDBASE_DATA_DIR, LANG, TZ and the rest come from the test runner. */
  fixture->env = g_get_environ ();
  fixture->env = g_environ_setenv (fixture->env, "HOME", fixture->dir, TRUE);
  fixture->env = g_environ_setenv (fixture->env, "XDG_DATA_HOME", xdg, TRUE);
}

/* A programme with DEMO_COUNT demonstration bases, current on TODAY. */
static void
fixture_set_up_demo (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(Result) result = NULL;

  fixture_set_up (fixture, data);
  result = run (fixture, "demo", "--count", G_STRINGIFY (DEMO_COUNT), "--seed", "7",
                "--today", TODAY, "--database", fixture->db, NULL);
  assert_success (result);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->db);
  g_strfreev (fixture->env);
}

static char *
write_file (Fixture    *fixture,
            const char *name,
            const char *content)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (fixture->dir, name, NULL);

  g_file_set_contents (path, content, -1, &error);
  g_assert_no_error (error);

  return path;
}

static GBytes *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *content = NULL;
  gsize length = 0;

  g_file_get_contents (path, &content, &length, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (content, length);
}

/* A date of the output, YYYY-MM-DD. */
static GDate
parse_date (const char *text)
{
  int year = 0, month = 0, day = 0;
  GDate date;

  g_assert_cmpint (sscanf (text, "%4d-%2d-%2d", &year, &month, &day), ==, 3);
  g_assert_true (g_date_valid_dmy (day, month, year));
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);

  return date;
}

/* Tab-separated output */

/* The rows of @text without the header, which must be @header; each row
 * split into its fields, as many as the header has. */
static GPtrArray *
parse_tsv (const char *text,
           const char *header)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  guint n_lines = g_strv_length (lines);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_auto(GStrv) columns = g_strsplit (header, "\t", -1);

  g_assert_cmpuint (n_lines, >=, 2);
  g_assert_cmpstr (lines[0], ==, header);
  /* Every line ends with a newline: the last piece is empty. */
  g_assert_cmpstr (lines[n_lines - 1], ==, "");

  for (guint i = 1; i + 1 < n_lines; i++)
    {
      char **fields = g_strsplit (lines[i], "\t", -1);

      g_assert_cmpuint (g_strv_length (fields), ==, g_strv_length (columns));
      g_ptr_array_add (rows, fields);
    }

  return g_steal_pointer (&rows);
}

#define LIST_HEADER "id\tname\tdomain\tcity\tstate\tlead_unit\tnext_deadline\tdate\tdays_left"
#define DEADLINES_HEADER "kind\tyear\tdate\topens\tstatus\tdays_left\tarticle\tnote"

enum { L_ID, L_NAME, L_DOMAIN, L_CITY, L_STATE, L_LEAD_UNIT, L_NEXT, L_DATE, L_DAYS };
enum { D_KIND, D_YEAR, D_DATE, D_OPENS, D_STATUS, D_DAYS, D_ARTICLE, D_NOTE };

static GPtrArray *
list_bases (Fixture    *fixture,
            const char *option,
            const char *value)
{
  g_autoptr(Result) result = NULL;

  if (option != NULL)
    result = run (fixture, "list", option, value, "--today", TODAY,
                  "--database", fixture->db, NULL);
  else
    result = run (fixture, "list", "--today", TODAY, "--database", fixture->db, NULL);
  assert_success (result);

  return parse_tsv (result->out, LIST_HEADER);
}

/* The id of the first base in @state, exactly. */
static char *
find_base (Fixture    *fixture,
           const char *state)
{
  g_autoptr(GPtrArray) rows = list_bases (fixture, NULL, NULL);

  for (guint i = 0; i < rows->len; i++)
    {
      char **row = g_ptr_array_index (rows, i);

      if (g_strcmp0 (row[L_STATE], state) == 0)
        return g_strdup (row[L_ID]);
    }

  g_error ("The demo has no base in the state %s", state);
  return NULL;
}

static GPtrArray *
list_deadlines (Fixture    *fixture,
                const char *id)
{
  g_autoptr(Result) result = run (fixture, "deadlines", id, "--today", TODAY,
                                  "--database", fixture->db, NULL);

  assert_success (result);
  return parse_tsv (result->out, DEADLINES_HEADER);
}

static char **
find_deadline (GPtrArray  *rows,
               const char *kind)
{
  for (guint i = 0; i < rows->len; i++)
    {
      char **row = g_ptr_array_index (rows, i);

      if (g_strcmp0 (row[D_KIND], kind) == 0)
        return row;
    }

  return NULL;
}

/* A strict JSON parser (RFC 8259), enough to check structure */

typedef enum
{
  JSON_NULL,
  JSON_BOOLEAN,
  JSON_NUMBER,
  JSON_STRING,
  JSON_ARRAY,
  JSON_OBJECT,
} JsonType;

typedef struct _Json Json;

struct _Json
{
  JsonType   type;
  char      *string;   /* strings; numbers keep their text */
  gboolean   boolean;
  GPtrArray *items;    /* arrays and object values: Json */
  GPtrArray *keys;     /* object keys: char*, parallel to items */
};

static void
json_free (Json *json)
{
  if (json == NULL)
    return;
  g_free (json->string);
  g_clear_pointer (&json->items, g_ptr_array_unref);
  g_clear_pointer (&json->keys, g_ptr_array_unref);
  g_free (json);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Json, json_free)

static Json *json_parse_value (const char **p);

static void
json_skip_space (const char **p)
{
  while (**p == ' ' || **p == '\t' || **p == '\n' || **p == '\r')
    (*p)++;
}

static gboolean
json_literal (const char **p,
              const char  *word)
{
  if (strncmp (*p, word, strlen (word)) != 0)
    return FALSE;
  *p += strlen (word);
  return TRUE;
}

static int
json_hex4 (const char *p)
{
  int value = 0;

  for (int i = 0; i < 4; i++)
    {
      int digit = g_ascii_xdigit_value (p[i]);

      if (digit < 0)
        return -1;
      value = value * 16 + digit;
    }

  return value;
}

static char *
json_parse_string (const char **p)
{
  g_autoptr(GString) out = g_string_new (NULL);
  const char *s = *p;

  if (*s != '"')
    return NULL;
  s++;

  while (*s != '"')
    {
      if (*s == '\0' || (guchar) *s < 0x20)
        return NULL;
      if (*s != '\\')
        {
          g_string_append_c (out, *s++);
          continue;
        }

      s++;
      switch (*s)
        {
        case '"': case '\\': case '/':
          g_string_append_c (out, *s);
          s++;
          break;
        case 'b': g_string_append_c (out, '\b'); s++; break;
        case 'f': g_string_append_c (out, '\f'); s++; break;
        case 'n': g_string_append_c (out, '\n'); s++; break;
        case 'r': g_string_append_c (out, '\r'); s++; break;
        case 't': g_string_append_c (out, '\t'); s++; break;
        case 'u':
          {
            int unit = json_hex4 (s + 1);
            gunichar c;

            if (unit < 0)
              return NULL;
            s += 5;
            c = unit;
            if (unit >= 0xD800 && unit < 0xDC00)
              {
                int low = s[0] == '\\' && s[1] == 'u' ? json_hex4 (s + 2) : -1;

                if (low < 0xDC00 || low >= 0xE000)
                  return NULL;
                c = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
                s += 6;
              }
            else if (unit >= 0xDC00 && unit < 0xE000)
              return NULL;
            g_string_append_unichar (out, c);
          }
          break;
        default:
          return NULL;
        }
    }

  if (!g_utf8_validate (out->str, out->len, NULL))
    return NULL;

  *p = s + 1;
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gboolean
json_parse_number (const char **p,
                   Json        *json)
{
  const char *s = *p;

  if (*s == '-')
    s++;
  if (*s == '0')
    s++;
  else if (*s >= '1' && *s <= '9')
    while (g_ascii_isdigit (*s))
      s++;
  else
    return FALSE;
  if (*s == '.')
    {
      s++;
      if (!g_ascii_isdigit (*s))
        return FALSE;
      while (g_ascii_isdigit (*s))
        s++;
    }
  if (*s == 'e' || *s == 'E')
    {
      s++;
      if (*s == '+' || *s == '-')
        s++;
      if (!g_ascii_isdigit (*s))
        return FALSE;
      while (g_ascii_isdigit (*s))
        s++;
    }

  json->string = g_strndup (*p, s - *p);
  *p = s;
  return TRUE;
}

static Json *
json_parse_value (const char **p)
{
  g_autoptr(Json) json = g_new0 (Json, 1);

  json_skip_space (p);
  switch (**p)
    {
    case 'n':
      json->type = JSON_NULL;
      if (!json_literal (p, "null"))
        return NULL;
      break;
    case 't':
    case 'f':
      json->type = JSON_BOOLEAN;
      json->boolean = **p == 't';
      if (!json_literal (p, json->boolean ? "true" : "false"))
        return NULL;
      break;
    case '"':
      json->type = JSON_STRING;
      if ((json->string = json_parse_string (p)) == NULL)
        return NULL;
      break;
    case '[':
      json->type = JSON_ARRAY;
      json->items = g_ptr_array_new_with_free_func ((GDestroyNotify) json_free);
      (*p)++;
      json_skip_space (p);
      if (**p == ']')
        {
          (*p)++;
          break;
        }
      for (;;)
        {
          Json *item = json_parse_value (p);

          if (item == NULL)
            return NULL;
          g_ptr_array_add (json->items, item);
          json_skip_space (p);
          if (**p == ',')
            (*p)++;
          else if (**p == ']')
            {
              (*p)++;
              break;
            }
          else
            return NULL;
        }
      break;
    case '{':
      json->type = JSON_OBJECT;
      json->items = g_ptr_array_new_with_free_func ((GDestroyNotify) json_free);
      json->keys = g_ptr_array_new_with_free_func (g_free);
      (*p)++;
      json_skip_space (p);
      if (**p == '}')
        {
          (*p)++;
          break;
        }
      for (;;)
        {
          char *key;
          Json *value;

          json_skip_space (p);
          if ((key = json_parse_string (p)) == NULL)
            return NULL;
          for (guint i = 0; i < json->keys->len; i++)
            {
              /* Duplicate keys are legal JSON but always a bug here. */
              if (g_str_equal (g_ptr_array_index (json->keys, i), key))
                {
                  g_free (key);
                  return NULL;
                }
            }
          g_ptr_array_add (json->keys, key);
          json_skip_space (p);
          if (**p != ':')
            return NULL;
          (*p)++;
          if ((value = json_parse_value (p)) == NULL)
            return NULL;
          g_ptr_array_add (json->items, value);
          json_skip_space (p);
          if (**p == ',')
            (*p)++;
          else if (**p == '}')
            {
              (*p)++;
              break;
            }
          else
            return NULL;
        }
      break;
    default:
      json->type = JSON_NUMBER;
      if (!json_parse_number (p, json))
        return NULL;
      break;
    }

  return g_steal_pointer (&json);
}

/* The whole of @text must be one JSON value. */
static Json *
json_parse (const char *text)
{
  const char *p = text;
  g_autoptr(Json) json = json_parse_value (&p);

  if (json == NULL)
    g_error ("Not valid JSON, near byte %ld of: %s", (long) (p - text), text);
  json_skip_space (&p);
  if (*p != '\0')
    g_error ("Text after the JSON value: %s", p);

  return g_steal_pointer (&json);
}

static Json *
json_get (Json       *object,
          const char *key)
{
  g_assert_cmpint (object->type, ==, JSON_OBJECT);
  for (guint i = 0; i < object->keys->len; i++)
    {
      if (g_str_equal (g_ptr_array_index (object->keys, i), key))
        return g_ptr_array_index (object->items, i);
    }

  return NULL;
}

static const char *
json_get_string (Json       *object,
                 const char *key)
{
  Json *value = json_get (object, key);

  if (value == NULL)
    g_error ("No member “%s”", key);
  g_assert_cmpint (value->type, ==, JSON_STRING);
  return value->string;
}

static gint64
json_get_int (Json       *object,
              const char *key)
{
  Json *value = json_get (object, key);

  if (value == NULL)
    g_error ("No member “%s”", key);
  g_assert_cmpint (value->type, ==, JSON_NUMBER);
  return g_ascii_strtoll (value->string, NULL, 10);
}

/* The parser itself, so that the checks below mean something. */
static void
test_json_parser (void)
{
  static const char * const valid[] = {
    "[]", " {} ", "[1, -0.5e3, true, false, null]", "{\"a\": {\"b\": [\"\\u5c71\\n\"]}}",
    "\"\\ud83d\\ude00\"",
  };
  static const char * const invalid[] = {
    "", "[", "[1,]", "{\"a\" 1}", "{\"a\": 1,}", "[01]", "\"\t\"", "\"\\x\"",
    "{\"a\": 1, \"a\": 2}", "[1] x", "{a: 1}", "'a'", "\"\\ud83d\"", "[.5]", "nul",
  };

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    {
      const char *p = valid[i];
      g_autoptr(Json) json = json_parse_value (&p);

      g_assert_nonnull (json);
      json_skip_space (&p);
      g_assert_cmpint (*p, ==, '\0');
    }
  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      const char *p = invalid[i];
      g_autoptr(Json) json = json_parse_value (&p);

      if (json != NULL)
        json_skip_space (&p);
      if (json != NULL && *p == '\0')
        g_error ("“%s” was accepted", invalid[i]);
    }

  {
    g_autoptr(Json) json = json_parse ("{\"s\": \"\\u5c71\\u897f\", \"n\": 12}");

    g_assert_cmpstr (json_get_string (json, "s"), ==, "山西");
    g_assert_cmpint (json_get_int (json, "n"), ==, 12);
  }
}

/* Usage */

static void
test_help (Fixture       *fixture,
           gconstpointer  data)
{
  static const char * const names[] = {
    "init", "demo", "list", "show", "deadlines", "transition", "workdays",
    "validate", "calendar", "backup",
  };
  g_autoptr(Result) result = run (fixture, "--help", NULL);

  assert_success (result);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *line = g_strdup_printf ("\n  %s ", names[i]);
      g_autoptr(Result) command_help = NULL;

      assert_contains (result->out, line);

      command_help = run (fixture, names[i], "--help", NULL);
      assert_success (command_help);
      assert_contains (command_help->out, names[i]);
    }
  /* The actions transition takes are listed too. */
  assert_contains (result->out, "request-extension");
  assert_contains (result->out, "submit-plan");

  {
    g_autoptr(Result) list_help = run (fixture, "list", "--help", NULL);

    assert_contains (list_help->out, "--format");
    assert_contains (list_help->out, "--domain");
    assert_contains (list_help->out, "--state");
  }
  {
    g_autoptr(Result) version = run (fixture, "--version", NULL);

    assert_success (version);
    g_assert_true (g_str_has_prefix (version->out, "stdbase-cli "));
  }
}

static void
test_usage_errors (Fixture       *fixture,
                   gconstpointer  data)
{
  const char *db = fixture->db;
  const char * const cases[][8] = {
    { NULL },                                          /* no command */
    { "frobnicate", NULL },                            /* unknown command */
    { "--database", db, "frobnicate", NULL },
    { "--today", TODAY, NULL },                         /* options, no command */
    { "list", "--bogus", NULL },                       /* unknown option */
    { "list", "--format", "xml", "--database", db, NULL },
    { "show", "1", "--format", "yaml", "--database", db, NULL },
    { "deadlines", "1", "--format", "text", "--database", db, NULL },
    { "show", "--database", db, NULL },                /* missing arguments */
    { "show", "1", "2", "--database", db, NULL },
    { "deadlines", "--database", db, NULL },
    { "transition", "1", "--database", db, NULL },
    { "workdays", NULL },
    { "workdays", "add", "2024-02-08", NULL },
    { "workdays", "subtract", "2024-02-08", "1", NULL },
    { "validate", "uscc", NULL },
    { "validate", "isbn", "7-111-11111-1", NULL },
    { "calendar", "import", NULL },
    { "calendar", "export", "x.ini", NULL },
    { "backup", "--database", db, NULL },
    { "demo", "--count", "0", "--database", db, NULL },
    { "demo", "--count", "many", "--database", db, NULL },
    { "init", "--format", "json", "--database", db, NULL }, /* options a command does not take */
    { "workdays", "add", "2024-02-08", "1", "--today", TODAY, NULL },
    { "validate", "standard", "GB/T 1.1-2020", "--format", "json", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) args = g_ptr_array_new ();
      g_autoptr(Result) result = NULL;

      for (guint j = 0; cases[i][j] != NULL; j++)
        g_ptr_array_add (args, (gpointer) cases[i][j]);
      result = run_argv (fixture, args);

      g_test_message ("case %u: %s", i, result->err);
      assert_failure (result, 2);
    }

  /* None of them made a database. */
  g_assert_false (g_file_test (fixture->db, G_FILE_TEST_EXISTS));
}

/* init, demo */

static void
test_init (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(Result) result = run (fixture, "init", "--database", fixture->db, NULL);
  g_autofree char *expected = g_strconcat (fixture->db, "\n", NULL);

  assert_success (result);
  g_assert_cmpstr (result->out, ==, expected);
  g_assert_true (g_file_test (fixture->db, G_FILE_TEST_IS_REGULAR));

  /* An empty programme lists no bases. */
  {
    g_autoptr(Result) list = run (fixture, "list", "--database", fixture->db, NULL);
    g_autoptr(Result) json = run (fixture, "list", "--format", "json", "--database", fixture->db, NULL);
    g_autoptr(Json) parsed = NULL;

    assert_success (list);
    g_assert_cmpstr (list->out, ==, LIST_HEADER "\n");
    assert_success (json);
    parsed = json_parse (json->out);
    g_assert_cmpint (parsed->type, ==, JSON_ARRAY);
    g_assert_cmpuint (parsed->items->len, ==, 0);
  }

  /* Without --database, the user's data directory (here XDG_DATA_HOME). */
  {
    g_autoptr(Result) default_init = run (fixture, "init", NULL);
    g_autofree char *xdg = g_build_filename (fixture->dir, "xdg", NULL);

    assert_success (default_init);
    g_assert_true (g_str_has_prefix (default_init->out, xdg));
    g_strchomp (default_init->out);
    g_assert_true (g_file_test (default_init->out, G_FILE_TEST_IS_REGULAR));
  }
}

static void
test_demo (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(Result) result = run (fixture, "demo", "--count", "25", "--seed", "3",
                                  "--today", TODAY, "--database", fixture->db, NULL);
  g_autoptr(GPtrArray) rows = NULL;

  assert_success (result);
  assert_contains (result->out, "25");
  assert_contains (result->out, fixture->db);
  rows = list_bases (fixture, NULL, NULL);
  g_assert_cmpuint (rows->len, ==, 25);

  /* Not into a programme that has bases: nothing is added. */
  {
    g_autoptr(Result) again = run (fixture, "demo", "--count", "5", "--today", TODAY,
                                   "--database", fixture->db, NULL);
    g_autoptr(GPtrArray) after = NULL;

    assert_failure (again, 1);
    assert_contains (again->err, "25");
    after = list_bases (fixture, NULL, NULL);
    g_assert_cmpuint (after->len, ==, 25);
  }

  /* The same seed and day give the same programme. */
  {
    g_autofree char *other = g_build_filename (fixture->dir, "other.db", NULL);
    g_autoptr(Result) second = run (fixture, "demo", "--count", "25", "--seed", "3",
                                    "--today", TODAY, "--database", other, NULL);
    g_autoptr(Result) first_list = run (fixture, "list", "--format", "json", "--today", TODAY,
                                        "--database", fixture->db, NULL);
    g_autoptr(Result) second_list = run (fixture, "list", "--format", "json", "--today", TODAY,
                                         "--database", other, NULL);

    assert_success (second);
    g_assert_cmpstr (first_list->out, ==, second_list->out);
  }

  /* An impossible day is invalid input. */
  {
    g_autofree char *other = g_build_filename (fixture->dir, "third.db", NULL);
    g_autoptr(Result) bad = run (fixture, "demo", "--today", "2026-02-29",
                                 "--database", other, NULL);

    assert_failure (bad, 1);
    assert_contains (bad->err, "2026-02-29");
  }
}

/* list */

static void
test_list_tsv (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = list_bases (fixture, NULL, NULL);

  g_assert_cmpuint (rows->len, ==, DEMO_COUNT);
  for (guint i = 0; i < rows->len; i++)
    {
      char **row = g_ptr_array_index (rows, i);
      g_autofree char *id = g_strdup_printf ("%u", i + 1);

      g_assert_cmpstr (row[L_ID], ==, id);
      g_assert_true (g_str_has_prefix (row[L_NAME], "山西省技术标准创新基地（"));
      g_assert_cmpstr (row[L_DOMAIN], !=, "");
      g_assert_cmpstr (row[L_CITY], !=, "");
      g_assert_cmpstr (row[L_STATE], !=, "");
      g_assert_cmpstr (row[L_LEAD_UNIT], !=, "");
      /* A next deadline has a date and a count of days. */
      if (*row[L_NEXT] == '\0')
        {
          g_assert_cmpstr (row[L_DATE], ==, "");
          g_assert_cmpstr (row[L_DAYS], ==, "");
        }
      else if (*row[L_DATE] != '\0')
        {
          GDate today = parse_date (TODAY);
          GDate date = parse_date (row[L_DATE]);

          g_assert_cmpint (atoi (row[L_DAYS]), ==, g_date_days_between (&today, &date));
        }
    }
}

/* The usage line says “stdbase-cli [OPTION…] COMMAND”: options may come
 * before the command too. */
static void
test_options_first (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(Result) after = run (fixture, "list", "--state", "extended", "--today", TODAY,
                                 "--database", fixture->db, NULL);
  g_autoptr(Result) before = run (fixture, "--database", fixture->db, "--today", TODAY,
                                  "list", "--state", "extended", NULL);
  g_autoptr(Result) joined = run (fixture, "--database=programme.db", "--state=extended",
                                  "list", "--today=" TODAY, NULL);

  assert_success (after);
  assert_success (before);
  assert_success (joined);
  g_assert_cmpstr (before->out, ==, after->out);
  g_assert_cmpstr (joined->out, ==, after->out);
}

static void
test_list_json (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(Result) result = run (fixture, "list", "--format", "json", "--today", TODAY,
                                  "--database", fixture->db, NULL);
  g_autoptr(GPtrArray) rows = list_bases (fixture, NULL, NULL);
  g_autoptr(Json) json = NULL;

  assert_success (result);
  json = json_parse (result->out);
  g_assert_cmpint (json->type, ==, JSON_ARRAY);
  g_assert_cmpuint (json->items->len, ==, DEMO_COUNT);

  /* The same bases as the TSV, field for field. */
  for (guint i = 0; i < json->items->len; i++)
    {
      Json *base = g_ptr_array_index (json->items, i);
      char **row = g_ptr_array_index (rows, i);
      Json *next = NULL;

      g_assert_cmpint (base->type, ==, JSON_OBJECT);
      g_assert_cmpint (json_get_int (base, "id"), ==, g_ascii_strtoll (row[L_ID], NULL, 10));
      g_assert_cmpstr (json_get_string (base, "name"), ==, row[L_NAME]);
      g_assert_cmpstr (json_get_string (base, "domain"), ==, row[L_DOMAIN]);
      g_assert_cmpstr (json_get_string (base, "city"), ==, row[L_CITY]);
      g_assert_cmpstr (json_get_string (base, "state"), ==, row[L_STATE]);
      g_assert_cmpstr (json_get_string (base, "lead_unit"), ==, row[L_LEAD_UNIT]);
      g_assert_true (g_str_has_prefix (json_get_string (base, "name_en"),
                                       "Shanxi Technical Standard Innovation Base of "));

      next = json_get (base, "next_deadline");
      g_assert_nonnull (next);
      if (*row[L_NEXT] == '\0')
        g_assert_cmpint (next->type, ==, JSON_NULL);
      else
        {
          g_assert_cmpstr (next->string, ==, row[L_NEXT]);
          g_assert_cmpstr (json_get_string (base, "next_deadline_date"), ==, row[L_DATE]);
          g_assert_cmpint (json_get_int (base, "days_left"), ==,
                           g_ascii_strtoll (row[L_DAYS], NULL, 10));
        }
    }
}

static void
test_list_domain (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GPtrArray) all = list_bases (fixture, NULL, NULL);
  g_autoptr(GPtrArray) rows = list_bases (fixture, "--domain", "semiconductors");
  guint expected = 0;

  for (guint i = 0; i < all->len; i++)
    expected += g_str_equal (((char **) g_ptr_array_index (all, i))[L_DOMAIN], "semiconductors");

  g_assert_cmpuint (expected, >, 0);
  g_assert_cmpuint (rows->len, ==, expected);
  for (guint i = 0; i < rows->len; i++)
    g_assert_cmpstr (((char **) g_ptr_array_index (rows, i))[L_DOMAIN], ==, "semiconductors");

  /* --city and --tag filter as well. */
  {
    g_autoptr(GPtrArray) city = list_bases (fixture, "--city", "zone");

    g_assert_cmpuint (city->len, >, 0);
    for (guint i = 0; i < city->len; i++)
      g_assert_cmpstr (((char **) g_ptr_array_index (city, i))[L_CITY], ==, "zone");
  }
}

static guint
count_states (GPtrArray          *rows,
              const char * const *states)
{
  guint n = 0;

  for (guint i = 0; i < rows->len; i++)
    n += g_strv_contains (states, ((char **) g_ptr_array_index (rows, i))[L_STATE]);

  return n;
}

static void
assert_state_filter (Fixture            *fixture,
                     const char         *filter,
                     const char * const *states)
{
  g_autoptr(GPtrArray) all = list_bases (fixture, NULL, NULL);
  g_autoptr(GPtrArray) rows = list_bases (fixture, "--state", filter);

  g_assert_cmpuint (rows->len, >, 0);
  g_assert_cmpuint (count_states (rows, states), ==, rows->len);
  g_assert_cmpuint (rows->len, ==, count_states (all, states));
}

static void
test_list_state (Fixture       *fixture,
                 gconstpointer  data)
{
  /* Names that are both a state and a phase select the phase: the
   * established phase includes bases rectifying after an assessment, which
   * keep their name and certificate (Art. 38); the constructing phase
   * includes every state between the plan and acceptance. */
  static const char * const established[] = { "established", "assessment-rectifying", NULL };
  static const char * const constructing[] = {
    "constructing", "extension-requested", "extended", "acceptance-requested", "rectifying", NULL,
  };
  static const char * const applying[] = {
    "draft", "submitted", "returned", "recommended", "formally-reviewed", "expert-reviewed", NULL,
  };
  static const char * const extended[] = { "extended", NULL };
  static const char * const rectifying[] = { "assessment-rectifying", NULL };

  assert_state_filter (fixture, "established", established);
  assert_state_filter (fixture, "constructing", constructing);
  assert_state_filter (fixture, "applying", applying);
  assert_state_filter (fixture, "extended", extended);
  assert_state_filter (fixture, "assessment-rectifying", rectifying);

  /* The phases really are wider than the state of the same name. */
  {
    g_autoptr(GPtrArray) rows = list_bases (fixture, "--state", "constructing");
    static const char * const others[] = { "extended", "extension-requested", "rectifying", NULL };

    g_assert_cmpuint (count_states (rows, others), >, 0);
  }
}

static void
test_list_unknown_filter (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(Result) domain = run (fixture, "list", "--domain", "semiconductor",
                                  "--database", fixture->db, NULL);
  g_autoptr(Result) state = run (fixture, "list", "--state", "built",
                                 "--database", fixture->db, NULL);
  g_autoptr(Result) today = run (fixture, "list", "--today", "2023-02-30",
                                 "--database", fixture->db, NULL);

  assert_failure (domain, 1);
  assert_contains (domain->err, "semiconductor");
  assert_failure (state, 1);
  assert_contains (state->err, "built");
  assert_failure (today, 1);
  assert_contains (today->err, "2023-02-30");
}

/* show */

static void
test_show (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *preparing = find_base (fixture, "preparing");
  g_autofree char *established = find_base (fixture, "established");
  g_autoptr(Result) result = run (fixture, "show", preparing, "--today", TODAY,
                                  "--database", fixture->db, NULL);
  g_autoptr(Result) named = run (fixture, "show", established, "--today", TODAY,
                                 "--database", fixture->db, NULL);
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) named_lines = NULL;

  /* Art. 18: "…（筹）" while preparing; Art. 22: without once accepted. */
  assert_success (result);
  lines = g_strsplit (result->out, "\n", -1);
  g_assert_true (g_str_has_prefix (lines[0], "山西省技术标准创新基地（"));
  g_assert_true (g_str_has_suffix (lines[0], "）（筹）"));
  assert_contains (result->out, "Art. 16");
  assert_contains (result->out, "Approve preparation");

  assert_success (named);
  named_lines = g_strsplit (named->out, "\n", -1);
  g_assert_true (g_str_has_prefix (named_lines[0], "山西省技术标准创新基地（"));
  g_assert_null (strstr (named_lines[0], "（筹）"));
  g_assert_true (g_str_has_prefix (named_lines[1], "Shanxi Technical Standard Innovation Base of "));
  assert_contains (named->out, "Pass acceptance and establish");

  /* Bases that do not exist. */
  {
    g_autoptr(Result) missing = run (fixture, "show", "999", "--database", fixture->db, NULL);
    g_autoptr(Result) word = run (fixture, "show", "abc", "--database", fixture->db, NULL);
    g_autoptr(Result) zero = run (fixture, "show", "0", "--database", fixture->db, NULL);

    assert_failure (missing, 1);
    assert_contains (missing->err, "999");
    assert_failure (word, 1);
    assert_contains (word->err, "abc");
    assert_failure (zero, 1);
  }
}

static void
test_show_json (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *preparing = find_base (fixture, "preparing");
  g_autoptr(Result) result = run (fixture, "show", preparing, "--format", "json",
                                  "--today", TODAY, "--database", fixture->db, NULL);
  g_autoptr(Json) json = NULL;
  Json *history, *deadlines, *last;

  assert_success (result);
  json = json_parse (result->out);
  g_assert_cmpint (json->type, ==, JSON_OBJECT);
  g_assert_cmpint (json_get_int (json, "id"), ==, g_ascii_strtoll (preparing, NULL, 10));
  g_assert_true (g_str_has_suffix (json_get_string (json, "name"), "（筹）"));
  g_assert_cmpstr (json_get_string (json, "state"), ==, "preparing");
  g_assert_cmpuint (strlen (json_get_string (json, "credit_code")), ==, 18);
  g_assert_cmpstr (json_get_string (json, "recommender"), !=, "");

  deadlines = json_get (json, "deadlines");
  g_assert_nonnull (deadlines);
  g_assert_cmpint (deadlines->type, ==, JSON_ARRAY);
  g_assert_cmpuint (deadlines->items->len, >, 0);
  g_assert_cmpstr (json_get_string (g_ptr_array_index (deadlines->items, 0), "kind"),
                   ==, "construction-plan");
  g_assert_cmpint (json_get_int (g_ptr_array_index (deadlines->items, 0), "article"), ==, 16);

  /* The history ends with the approval that made it preparing. */
  history = json_get (json, "history");
  g_assert_nonnull (history);
  g_assert_cmpint (history->type, ==, JSON_ARRAY);
  g_assert_cmpuint (history->items->len, >=, 5);
  last = g_ptr_array_index (history->items, history->items->len - 1);
  g_assert_cmpstr (json_get_string (last, "action"), ==, "approve");
  g_assert_cmpstr (json_get_string (last, "to"), ==, "preparing");
  g_assert_cmpstr (json_get_string (last, "role"), ==, "authority");
  g_assert_cmpstr (json_get_string (g_ptr_array_index (history->items, 0), "from"), ==, "draft");
}

/* deadlines */

static int
article_of (const char *kind)
{
  static const struct
  {
    const char *kind;
    int         article;
  } articles[] = {
    { "construction-plan", 16 }, { "midterm-report", 19 },
    { "acceptance-application", 20 }, { "extension-request", 21 },
    { "cycle-end", 18 }, { "extended-end", 21 }, { "reapplication", 20 },
    { "annual-report", 35 }, { "annual-assessment", 36 }, { "rectification", 38 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (articles); i++)
    {
      if (g_str_equal (articles[i].kind, kind))
        return articles[i].article;
    }

  g_error ("Unknown deadline kind %s", kind);
  return 0;
}

/* The approval date from the base's history. */
static char *
approval_date (Fixture    *fixture,
               const char *id)
{
  g_autoptr(Result) result = run (fixture, "show", id, "--format", "json", "--today", TODAY,
                                  "--database", fixture->db, NULL);
  g_autoptr(Json) json = NULL;
  Json *history;

  assert_success (result);
  json = json_parse (result->out);
  history = json_get (json, "history");
  for (guint i = 0; i < history->items->len; i++)
    {
      Json *step = g_ptr_array_index (history->items, i);

      if (g_str_equal (json_get_string (step, "action"), "approve"))
        return g_strdup (json_get_string (step, "date"));
    }

  g_error ("Base %s has no approval", id);
  return NULL;
}

static char *
add_months (const char *text,
            int         months)
{
  int year, month, day;

  g_assert_cmpint (sscanf (text, "%d-%d-%d", &year, &month, &day), ==, 3);
  month += months;
  year += (month - 1) / 12;
  month = (month - 1) % 12 + 1;
  /* The end of a shorter month stays in that month. */
  day = MIN (day, g_date_get_days_in_month (month, year));

  return g_strdup_printf ("%04d-%02d-%02d", year, month, day);
}

static void
test_deadlines (Fixture       *fixture,
                gconstpointer  data)
{
  static const char * const states[] = {
    "preparing", "constructing", "extension-requested", "extended", "rectifying",
    "established", "assessment-rectifying",
  };
  gboolean seen[40] = { FALSE };

  for (guint s = 0; s < G_N_ELEMENTS (states); s++)
    {
      g_autofree char *id = find_base (fixture, states[s]);
      g_autoptr(GPtrArray) rows = list_deadlines (fixture, id);
      g_autofree char *approved = approval_date (fixture, id);
      g_autofree char *cycle_end = add_months (approved, 36);
      char **row;

      g_assert_cmpuint (rows->len, >, 0);
      for (guint i = 0; i < rows->len; i++)
        {
          char **deadline = g_ptr_array_index (rows, i);
          int article = atoi (deadline[D_ARTICLE]);

          g_assert_cmpint (article, ==, article_of (deadline[D_KIND]));
          g_assert_cmpint (article, <, (int) G_N_ELEMENTS (seen));
          seen[article] = TRUE;
        }

      /* Art. 18: three years from the approval; Art. 20: three months
       * before; Art. 21: the window is the last three months. */
      row = find_deadline (rows, "cycle-end");
      g_assert_nonnull (row);
      g_assert_cmpstr (row[D_DATE], ==, cycle_end);
      row = find_deadline (rows, "acceptance-application");
      g_assert_nonnull (row);
      {
        g_autofree char *last = add_months (approved, 33);

        g_assert_cmpstr (row[D_DATE], ==, last);
      }
      row = find_deadline (rows, "extension-request");
      g_assert_nonnull (row);
      {
        g_autofree char *opens = add_months (approved, 33);

        g_assert_cmpstr (row[D_OPENS], ==, opens);
        g_assert_cmpstr (row[D_DATE], ==, cycle_end);
      }

      /* Art. 16: 30 working days, as `workdays add` counts them. */
      row = find_deadline (rows, "construction-plan");
      g_assert_nonnull (row);
      if (*row[D_DATE] != '\0')
        {
          g_autoptr(Result) due = run (fixture, "workdays", "add", approved, "30", NULL);
          g_autofree char *expected = g_strconcat (row[D_DATE], "\n", NULL);

          assert_success (due);
          g_assert_cmpstr (due->out, ==, expected);
        }

      /* An extended base ends six months later (Art. 21). */
      if (g_str_equal (states[s], "extended"))
        {
          g_autofree char *extended_end = add_months (approved, 42);

          row = find_deadline (rows, "extended-end");
          g_assert_nonnull (row);
          g_assert_cmpstr (row[D_DATE], ==, extended_end);
        }

      /* days_left counts from --today. */
      row = find_deadline (rows, "cycle-end");
      {
        GDate today = parse_date (TODAY);
        GDate end = parse_date (row[D_DATE]);

        g_assert_cmpint (atoi (row[D_DAYS]), ==, g_date_days_between (&today, &end));
      }
    }

  g_assert_true (seen[16]);
  g_assert_true (seen[18]);
  g_assert_true (seen[19]);
  g_assert_true (seen[20]);
  g_assert_true (seen[21]);
  g_assert_true (seen[35]);
  g_assert_true (seen[36]);
  g_assert_true (seen[38]);
}

static void
test_deadlines_json (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *id = find_base (fixture, "extended");
  g_autoptr(GPtrArray) rows = list_deadlines (fixture, id);
  g_autoptr(Result) result = run (fixture, "deadlines", id, "--format", "json",
                                  "--today", TODAY, "--database", fixture->db, NULL);
  g_autoptr(Json) json = NULL;

  assert_success (result);
  json = json_parse (result->out);
  g_assert_cmpint (json->type, ==, JSON_ARRAY);
  g_assert_cmpuint (json->items->len, ==, rows->len);
  for (guint i = 0; i < rows->len; i++)
    {
      Json *deadline = g_ptr_array_index (json->items, i);
      char **row = g_ptr_array_index (rows, i);

      g_assert_cmpstr (json_get_string (deadline, "kind"), ==, row[D_KIND]);
      g_assert_cmpstr (json_get_string (deadline, "status"), ==, row[D_STATUS]);
      g_assert_cmpint (json_get_int (deadline, "article"), ==, atoi (row[D_ARTICLE]));
      if (*row[D_DATE] != '\0')
        g_assert_cmpstr (json_get_string (deadline, "date"), ==, row[D_DATE]);
    }

  /* Unknown bases. */
  {
    g_autoptr(Result) missing = run (fixture, "deadlines", "4711", "--database", fixture->db, NULL);

    assert_failure (missing, 1);
    assert_contains (missing->err, "4711");
  }
}

/* transition */

static char *
state_of (Fixture    *fixture,
          const char *id)
{
  g_autoptr(Result) result = run (fixture, "show", id, "--format", "json", "--today", TODAY,
                                  "--database", fixture->db, NULL);
  g_autoptr(Json) json = NULL;

  assert_success (result);
  json = json_parse (result->out);
  return g_strdup (json_get_string (json, "state"));
}

static void
test_transition_allowed (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *id = find_base (fixture, "preparing");
  g_autofree char *expected = g_strdup_printf ("%s\tpreparing\tconstructing\n", id);
  g_autoptr(Result) result = run (fixture, "transition", id, "submit-plan",
                                  "--date", TODAY, "--today", TODAY,
                                  "--actor", "王芳", "--database", fixture->db, NULL);
  g_autofree char *state = NULL;

  assert_success (result);
  g_assert_cmpstr (result->out, ==, expected);
  state = state_of (fixture, id);
  g_assert_cmpstr (state, ==, "constructing");

  /* Recorded, with who and when. */
  {
    g_autoptr(Result) show = run (fixture, "show", id, "--format", "json", "--today", TODAY,
                                  "--database", fixture->db, NULL);
    g_autoptr(Json) json = json_parse (show->out);
    Json *history = json_get (json, "history");
    Json *last = g_ptr_array_index (history->items, history->items->len - 1);

    g_assert_cmpstr (json_get_string (last, "action"), ==, "submit-plan");
    g_assert_cmpstr (json_get_string (last, "date"), ==, TODAY);
    g_assert_cmpstr (json_get_string (last, "role"), ==, "applicant");
    g_assert_cmpstr (json_get_string (last, "actor"), ==, "王芳");
    g_assert_cmpstr (json_get_string (last, "from"), ==, "preparing");
    g_assert_cmpstr (json_get_string (last, "to"), ==, "constructing");
  }

  /* The same step again is now refused: the base has moved on. */
  {
    g_autoptr(Result) again = run (fixture, "transition", id, "submit-plan",
                                   "--date", TODAY, "--today", TODAY,
                                   "--database", fixture->db, NULL);

    assert_failure (again, 1);
    assert_contains (again->err, "Art. 16");
  }
}

/* A base under construction whose extension window has not opened yet. */
static char *
find_early_construction (Fixture *fixture)
{
  g_autoptr(GPtrArray) bases = list_bases (fixture, "--state", "constructing");

  for (guint i = 0; i < bases->len; i++)
    {
      char **base = g_ptr_array_index (bases, i);
      g_autoptr(GPtrArray) rows = NULL;
      char **window;

      if (!g_str_equal (base[L_STATE], "constructing"))
        continue;
      rows = list_deadlines (fixture, base[L_ID]);
      window = find_deadline (rows, "extension-request");
      if (window != NULL && strcmp (window[D_OPENS], TODAY) > 0)
        return g_strdup (base[L_ID]);
    }

  g_error ("No base early in its construction");
  return NULL;
}

static void
assert_refused (Fixture    *fixture,
                const char *id,
                const char *article,
                ...) G_GNUC_NULL_TERMINATED;

/* The step after @article is refused, naming @article, and changes
 * nothing. */
static void
assert_refused (Fixture    *fixture,
                const char *id,
                const char *article,
                ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(Result) before = run (fixture, "show", id, "--format", "json", "--today", TODAY,
                                  "--database", fixture->db, NULL);
  g_autoptr(Result) after = NULL;
  g_autoptr(Result) result = NULL;
  va_list ap;

  g_ptr_array_add (args, (gpointer) "transition");
  g_ptr_array_add (args, (gpointer) id);
  va_start (ap, article);
  for (const char *arg = va_arg (ap, const char *); arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, (gpointer) "--today");
  g_ptr_array_add (args, (gpointer) TODAY);
  g_ptr_array_add (args, (gpointer) "--database");
  g_ptr_array_add (args, fixture->db);

  result = run_argv (fixture, args);
  g_test_message ("refused: %s", result->err);
  assert_failure (result, 1);
  if (article != NULL)
    assert_contains (result->err, article);

  after = run (fixture, "show", id, "--format", "json", "--today", TODAY,
               "--database", fixture->db, NULL);
  g_assert_cmpstr (before->out, ==, after->out);
}

static void
test_transition_refused (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *early = find_early_construction (fixture);
  g_autofree char *preparing = find_base (fixture, "preparing");
  g_autofree char *established = find_base (fixture, "established");

  /* Art. 21: only in the last three months of the cycle. */
  assert_refused (fixture, early, "Art. 21", "request-extension", "--months", "3",
                  "--note", "设备到货延迟", "--date", TODAY, NULL);
  /* Art. 21: at most six months. */
  assert_refused (fixture, early, "Art. 21", "request-extension", "--months", "7",
                  "--note", "设备到货延迟", "--date", TODAY, NULL);
  /* Art. 16: the applicant submits the plan, not the authority. */
  assert_refused (fixture, preparing, "Art. 16", "submit-plan", "--role", "authority",
                  "--date", TODAY, NULL);
  /* Art. 20: acceptance is not possible while preparing. */
  assert_refused (fixture, preparing, "Art. 20", "pass-acceptance", "--date", TODAY, NULL);
  /* Art. 38: failing an assessment needs a reason and a deadline. */
  assert_refused (fixture, established, "Art. 38", "fail-assessment", "--year", "2025",
                  "--date", TODAY, NULL);
  /* An impossible date, a future one, an unknown role, an unknown action. */
  assert_refused (fixture, preparing, "2023-02-30", "submit-plan", "--date", "2023-02-30", NULL);
  assert_refused (fixture, preparing, "2026-12-25", "submit-plan", "--date", "2026-12-25", NULL);
  assert_refused (fixture, preparing, "mayor", "submit-plan", "--role", "mayor", NULL);
  assert_refused (fixture, preparing, "dance", "dance", NULL);
  /* Before the base's last recorded step. */
  assert_refused (fixture, preparing, NULL, "submit-plan", "--date", "2021-01-04", NULL);
  /* A base that does not exist. */
  {
    g_autoptr(Result) result = run (fixture, "transition", "999", "submit-plan",
                                    "--today", TODAY, "--database", fixture->db, NULL);

    assert_failure (result, 1);
  }
}

/* workdays */

static void
assert_workdays (Fixture    *fixture,
                 const char *how,
                 const char *first,
                 const char *second,
                 const char *expected)
{
  g_autoptr(Result) result = run (fixture, "workdays", how, first, second, NULL);
  g_autofree char *line = g_strconcat (expected, "\n", NULL);

  assert_success (result);
  g_assert_cmpstr (result->out, ==, line);
}

/* 2024 Spring Festival (国办发明电〔2023〕7号): off Saturday 10 to Saturday
 * 17 February; Sunday 4 and Sunday 18 February worked.  Thursday 8 and
 * Friday 9 February (除夕, not yet a statutory holiday in 2024) were
 * ordinary working days.
 */
static void
test_workdays_add (Fixture       *fixture,
                   gconstpointer  data)
{
  assert_workdays (fixture, "add", "2024-02-08", "0", "2024-02-08");
  assert_workdays (fixture, "add", "2024-02-08", "1", "2024-02-09");
  assert_workdays (fixture, "add", "2024-02-08", "2", "2024-02-18");
  assert_workdays (fixture, "add", "2024-02-08", "3", "2024-02-19");
  assert_workdays (fixture, "add", "2024-02-09", "1", "2024-02-18");
  /* From a holiday, and over a make-up Sunday before the festival. */
  assert_workdays (fixture, "add", "2024-02-10", "1", "2024-02-18");
  assert_workdays (fixture, "add", "2024-02-02", "1", "2024-02-04");
  /* National Day 2023: 29 September to 6 October off, 7 and 8 October
   * (a weekend) worked. */
  assert_workdays (fixture, "add", "2023-09-28", "1", "2023-10-07");
  assert_workdays (fixture, "add", "2023-09-28", "3", "2023-10-09");
}

static void
test_workdays_between (Fixture       *fixture,
                       gconstpointer  data)
{
  /* 9, 18, 19 February. */
  assert_workdays (fixture, "between", "2024-02-08", "2024-02-19", "3");
  assert_workdays (fixture, "between", "2024-02-19", "2024-02-08", "-3");
  assert_workdays (fixture, "between", "2024-02-08", "2024-02-08", "0");
  /* February 2024 after the 1st: 2, 4, 5–9, 18, 19–23, 26–29. */
  assert_workdays (fixture, "between", "2024-02-01", "2024-02-29", "17");
}

static void
test_workdays_invalid (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(Result) no_data = run (fixture, "workdays", "add", "2030-03-01", "5", NULL);
  g_autoptr(Result) between = run (fixture, "workdays", "between", "2026-12-01", "2030-06-01", NULL);
  g_autoptr(Result) bad_date = run (fixture, "workdays", "add", "2024-02-30", "1", NULL);
  g_autoptr(Result) bad_count = run (fixture, "workdays", "add", "2024-02-08", "x", NULL);
  g_autoptr(Result) negative = run (fixture, "workdays", "add", "2024-02-08", "-1", NULL);
  g_autoptr(Result) huge = run (fixture, "workdays", "add", "2024-02-08", "99999", NULL);

  /* A year without data says so, and does not guess Monday to Friday. */
  assert_failure (no_data, 1);
  assert_contains (no_data->err, "2030");
  assert_failure (between, 1);
  assert_contains (between->err, "2027");
  assert_failure (bad_date, 1);
  assert_contains (bad_date->err, "2024-02-30");
  assert_failure (bad_count, 1);
  assert_failure (huge, 1);
  /* “-1” reads as an option. */
  assert_failure (negative, 2);

  /* Adding nothing examines no year. */
  {
    g_autoptr(Result) zero = run (fixture, "workdays", "add", "2030-03-01", "0", NULL);

    assert_success (zero);
    g_assert_cmpstr (zero->out, ==, "2030-03-01\n");
  }
}

/* validate */

static void
test_validate_uscc (Fixture       *fixture,
                    gconstpointer  data)
{
  /* Check characters worked out by hand (GB 11714, GB 32100). */
  static const char *shanxi = "91140105MA0GRX1Q8Y";
  static const char *institution = "12140100405123455L";
  static const char *beijing = "91110108MA01C2D36P";
  static const char *fujian = "91350100M000100Y43";

  {
    g_autoptr(Result) result = run (fixture, "validate", "uscc", shanxi, NULL);

    assert_success (result);
    g_assert_cmpstr (result->out, ==,
                     "91140105MA0GRX1Q8Y\tdivision=140105\torganisation=MA0GRX1Q8\n");
  }
  {
    g_autoptr(Result) result = run (fixture, "validate", "uscc", "--shanxi", institution, NULL);

    assert_success (result);
    assert_contains (result->out, "division=140100");
  }
  {
    g_autoptr(Result) result = run (fixture, "validate", "uscc", beijing, NULL);
    g_autoptr(Result) other = run (fixture, "validate", "uscc", fujian, NULL);

    assert_success (result);
    assert_success (other);
  }
  /* Lower case and spaces are tidied. */
  {
    g_autoptr(Result) result = run (fixture, "validate", "uscc", "91140105ma0grx1q8y", NULL);

    assert_success (result);
    g_assert_true (g_str_has_prefix (result->out, shanxi));
  }

  /* --shanxi refuses other provinces; the plain check does not. */
  {
    g_autoptr(Result) result = run (fixture, "validate", "uscc", "--shanxi", beijing, NULL);

    assert_failure (result, 1);
    assert_contains (result->err, "110108");
  }

  /* Mistyped codes. */
  {
    static const char * const wrong[] = {
      "91140105MA0GRX1Q8X",  /* check character */
      "91140105MA0GRX1Q0Y",  /* organisation code check */
      "91140105MA0GRX1Q8",   /* too short */
      "91140105MA0GRX1Q8YY", /* too long */
      "91140105MA0GRI1Q8Y",  /* I is not in the alphabet */
      "",
    };

    for (guint i = 0; i < G_N_ELEMENTS (wrong); i++)
      {
        g_autoptr(Result) result = run (fixture, "validate", "uscc", wrong[i], NULL);

        g_test_message ("%s: %s", wrong[i], result->err);
        assert_failure (result, 1);
      }
  }
}

static void
test_validate_standard (Fixture       *fixture,
                        gconstpointer  data)
{
  static const struct
  {
    const char *text;
    const char *level;
  } valid[] = {
    { "GB/T 1.1-2020", "level=national" },
    { "GB 17859-1999", "level=national" },
    { "JB/T 10000-2019", "level=industry" },
    { "DB14/T 2345-2021", "level=local" },
    { "T/CAS 123-2022", "level=group" },
    { "ISO 9001:2015", "level=international" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    {
      g_autoptr(Result) result = run (fixture, "validate", "standard", valid[i].text, NULL);

      assert_success (result);
      assert_contains (result->out, valid[i].level);
    }

  {
    g_autoptr(Result) result = run (fixture, "validate", "standard", "GB/T 1.1-2020", NULL);

    g_assert_cmpstr (result->out, ==,
                     "GB/T 1.1-2020\tlevel=national\tissuer=GB\tnumber=1.1\tyear=2020\n");
  }

  /* Enterprise standards do not count (Art. 11 (3)); nonsense is refused. */
  {
    g_autoptr(Result) enterprise = run (fixture, "validate", "standard", "Q/ABC 1-2020", NULL);
    g_autoptr(Result) unknown = run (fixture, "validate", "standard", "XYZ 1-2020", NULL);
    g_autoptr(Result) no_year = run (fixture, "validate", "standard", "GB/T 1.1", NULL);

    assert_failure (enterprise, 1);
    assert_failure (unknown, 1);
    assert_failure (no_year, 1);
  }
}

/* calendar, backup */

/* A made-up arrangement for 2027: New Year off 1 to 3 January, Saturday
 * 9 January worked.  From Thursday 31 December 2026, working days are
 * 4, 5, 6, 7, 8, 9 (Saturday) and 11 January. */
#define CALENDAR_2027 \
  "# test\n[2027]\nsource=test\nholidays=2027-01-01..2027-01-03\nworkdays=2027-01-09\n"

static void
test_calendar_import (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *file = write_file (fixture, "2027.ini", CALENDAR_2027);
  g_autoptr(Result) before = NULL;
  g_autoptr(Result) import = NULL;

  RUN_OK (fixture, "init", "--database", fixture->db);

  before = run (fixture, "workdays", "add", "2026-12-31", "5", "--database", fixture->db, NULL);
  assert_failure (before, 1);
  assert_contains (before->err, "2027");

  import = run (fixture, "calendar", "import", file, "--database", fixture->db, NULL);
  assert_success (import);
  assert_contains (import->out, "2027");

  /* The import is in the audit log, with the file. */
  {
    g_autoptr(Result) log = run (fixture, "audit", "export", "--database", fixture->db, NULL);

    assert_success (log);
    assert_contains (log->out, "calendar_files");
    assert_contains (log->out, "2027.ini");
    assert_contains (log->out, "2027-01-01..2027-01-03");
  }

  {
    g_autoptr(Result) five = run (fixture, "workdays", "add", "2026-12-31", "5",
                                  "--database", fixture->db, NULL);
    g_autoptr(Result) seven = run (fixture, "workdays", "add", "2026-12-31", "7",
                                   "--database", fixture->db, NULL);
    g_autoptr(Result) count = run (fixture, "workdays", "between", "2026-12-31", "2027-01-11",
                                   "--database", fixture->db, NULL);

    assert_success (five);
    g_assert_cmpstr (five->out, ==, "2027-01-08\n");
    assert_success (seven);
    g_assert_cmpstr (seven->out, ==, "2027-01-11\n");
    assert_success (count);
    g_assert_cmpstr (count->out, ==, "7\n");
  }

  /* The year belongs to this database, not to every calendar. */
  {
    g_autoptr(Result) shipped = run (fixture, "workdays", "add", "2026-12-31", "5", NULL);

    assert_failure (shipped, 1);
  }
}

static void
test_calendar_invalid (Fixture       *fixture,
                       gconstpointer  data)
{
  /* A good year and a bad one: the whole file is refused. */
  g_autofree char *bad = write_file (fixture, "bad.ini",
                                     "[2028]\nholidays=2028-01-01\n"
                                     "[2029]\nholidays=2029-02-30\n");
  g_autofree char *typo = write_file (fixture, "typo.ini",
                                      "[2028]\nholiday=2028-01-01\n");
  g_autofree char *missing = g_build_filename (fixture->dir, "missing.ini", NULL);
  g_autoptr(GBytes) db_before = NULL;
  g_autoptr(GBytes) db_after = NULL;
  const char *files[] = { bad, typo, missing };

  RUN_OK (fixture, "init", "--database", fixture->db);
  db_before = read_file (fixture->db);

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(Result) result = run (fixture, "calendar", "import", files[i],
                                      "--database", fixture->db, NULL);

      g_test_message ("%s: %s", files[i], result->err);
      assert_failure (result, 1);
    }

  /* Nothing stored: 2028 is still unknown, the file unchanged. */
  {
    g_autoptr(Result) result = run (fixture, "workdays", "add", "2027-12-31", "1",
                                    "--database", fixture->db, NULL);

    assert_failure (result, 1);
  }
  db_after = read_file (fixture->db);
  g_assert_true (g_bytes_equal (db_before, db_after));
  {
    g_autoptr(Result) result = NULL;

    RUN_OK (fixture, "backup", "copy.db", "--database", fixture->db);
    result = run (fixture, "workdays", "add", "2027-12-31", "1", "--database", "copy.db", NULL);
    assert_failure (result, 1);
  }
}

static void
test_backup (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *copy = g_build_filename (fixture->dir, "backup.db", NULL);
  g_autoptr(Result) result = run (fixture, "backup", copy, "--database", fixture->db, NULL);
  g_autoptr(Result) original = NULL;
  g_autoptr(Result) restored = NULL;

  assert_success (result);
  g_assert_true (g_file_test (copy, G_FILE_TEST_IS_REGULAR));

  /* The copy opens and holds the same programme. */
  original = run (fixture, "list", "--today", TODAY, "--database", fixture->db, NULL);
  restored = run (fixture, "list", "--today", TODAY, "--database", copy, NULL);
  assert_success (restored);
  g_assert_cmpstr (original->out, ==, restored->out);

  /* A folder that does not exist. */
  {
    g_autofree char *nowhere = g_build_filename (fixture->dir, "no", "such", "backup.db", NULL);
    g_autoptr(Result) failed = run (fixture, "backup", nowhere, "--database", fixture->db, NULL);

    assert_failure (failed, 1);
  }
}

static void
test_audit (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *csv_path = g_build_filename (fixture->dir, "audit.csv", NULL);
  g_autoptr(Result) verified = run (fixture, "audit", "verify", "--database", fixture->db, NULL);
  g_autoptr(Result) exported = run (fixture, "audit", "export", "--database", fixture->db, NULL);
  g_autoptr(Result) to_file = run (fixture, "audit", "export", csv_path, "--database", fixture->db, NULL);
  g_autoptr(Result) usage = run (fixture, "audit", "--database", fixture->db, NULL);
  g_autoptr(Result) tampered = NULL;
  g_autofree char *csv = NULL;
  sqlite3 *db = NULL;

  assert_success (verified);
  assert_contains (verified->out, "intact");
  assert_success (exported);
  g_assert_true (g_str_has_prefix (exported->out, "seq,recorded_at,actor,role,entity,"));
  assert_success (to_file);
  g_assert_true (g_file_get_contents (csv_path, &csv, NULL, NULL));
  g_assert_cmpstr (csv, ==, exported->out);
  assert_failure (usage, 2);

  /* An intruder's edit: exit status 3 and the entry's number. */
  g_assert_cmpint (sqlite3_open (fixture->db, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "DROP TRIGGER audit_log_no_update;"
                                     "UPDATE audit_log SET actor = 'someone' WHERE seq = 7",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  tampered = run (fixture, "audit", "verify", "--database", fixture->db, NULL);
  assert_failure (tampered, 3);
  assert_contains (tampered->err, "Entry 7 ");
}

/* Databases that cannot be used */

static void
test_database_missing (Fixture       *fixture,
                       gconstpointer  data)
{
  const char * const commands[][4] = {
    { "list", NULL },
    { "show", "1", NULL },
    { "deadlines", "1", NULL },
    { "transition", "1", "submit", NULL },
    { "backup", "copy.db", NULL },
    { "workdays", "add", "2024-02-08", "1" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autoptr(GPtrArray) args = g_ptr_array_new ();
      g_autoptr(Result) result = NULL;

      for (guint j = 0; j < 4 && commands[i][j] != NULL; j++)
        g_ptr_array_add (args, (gpointer) commands[i][j]);
      g_ptr_array_add (args, (gpointer) "--database");
      g_ptr_array_add (args, fixture->db);
      result = run_argv (fixture, args);

      assert_failure (result, 1);
      assert_contains (result->err, "programme.db");
      /* Reading does not create it. */
      g_assert_false (g_file_test (fixture->db, G_FILE_TEST_EXISTS));
    }
}

static void
test_database_not_sqlite (Fixture       *fixture,
                          gconstpointer  data)
{
  static const char content[] = "Minutes of the expert meeting, 2024-03-12\n";
  g_autofree char *path = write_file (fixture, "notes.txt", content);
  g_autofree char *calendar = write_file (fixture, "2027.ini", CALENDAR_2027);
  const char * const commands[][5] = {
    { "list", NULL },
    { "init", NULL },
    { "demo", "--count", "3", NULL },
    { "show", "1", NULL },
    { "transition", "1", "submit", NULL },
    { "calendar", "import", calendar, NULL },
    { "backup", "copy.db", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autoptr(GPtrArray) args = g_ptr_array_new ();
      g_autoptr(Result) result = NULL;
      g_autoptr(GBytes) after = NULL;

      for (guint j = 0; j < 5 && commands[i][j] != NULL; j++)
        g_ptr_array_add (args, (gpointer) commands[i][j]);
      g_ptr_array_add (args, (gpointer) "--database");
      g_ptr_array_add (args, path);
      result = run_argv (fixture, args);

      assert_failure (result, 1);
      assert_contains (result->err, "notes.txt");
      after = read_file (path);
      g_assert_cmpmem (g_bytes_get_data (after, NULL), g_bytes_get_size (after),
                       content, strlen (content));
    }

  {
    g_autofree char *copy = g_build_filename (fixture->dir, "copy.db", NULL);

    g_assert_false (g_file_test (copy, G_FILE_TEST_EXISTS));
  }
}

/* due: every watched deadline of every base, as `deadlines` gives them. */
#define DUE_HEADER "id\tname\tkind\tyear\tdate\tdays_left\tstatus\tarticle"

enum { U_ID, U_NAME, U_KIND, U_YEAR, U_DATE, U_DAYS, U_STATUS, U_ARTICLE };

static GPtrArray *
list_due (Fixture    *fixture,
          const char *option,
          const char *value)
{
  g_autoptr(Result) result = NULL;

  if (option != NULL && value != NULL)
    result = run (fixture, "due", option, value, "--today", TODAY, "--database", fixture->db, NULL);
  else if (option != NULL)
    result = run (fixture, "due", option, "--today", TODAY, "--database", fixture->db, NULL);
  else
    result = run (fixture, "due", "--today", TODAY, "--database", fixture->db, NULL);
  assert_success (result);

  return parse_tsv (result->out, DUE_HEADER);
}

/* The "id kind year" keys `deadlines` says a watch of @within days (or of
 * overdue items only, when @within < 0) must list. */
static GHashTable *
expected_due (Fixture *fixture,
              int      within)
{
  g_autoptr(GPtrArray) bases = list_bases (fixture, NULL, NULL);
  GHashTable *keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < bases->len; i++)
    {
      char **base = g_ptr_array_index (bases, i);
      g_autoptr(GPtrArray) rows = list_deadlines (fixture, base[L_ID]);

      for (guint j = 0; j < rows->len; j++)
        {
          char **row = g_ptr_array_index (rows, j);
          gboolean watched;

          if (g_str_equal (row[D_STATUS], "overdue"))
            watched = TRUE;
          else if (within < 0)
            watched = FALSE;
          else if (g_str_equal (row[D_STATUS], "unknown"))
            watched = TRUE;
          else if (g_str_equal (row[D_STATUS], "due-soon") || g_str_equal (row[D_STATUS], "upcoming"))
            watched = atoi (row[D_DAYS]) <= within;
          else
            watched = FALSE;

          if (watched)
            g_hash_table_add (keys, g_strdup_printf ("%s %s %s", base[L_ID], row[D_KIND], row[D_YEAR]));
        }
    }

  return keys;
}

static void
assert_due_matches (GPtrArray  *rows,
                    GHashTable *expected)
{
  const char *last_date = "";

  g_assert_cmpuint (rows->len, ==, g_hash_table_size (expected));
  for (guint i = 0; i < rows->len; i++)
    {
      char **row = g_ptr_array_index (rows, i);
      g_autofree char *key = g_strdup_printf ("%s %s %s", row[U_ID], row[U_KIND], row[U_YEAR]);

      g_assert_true (g_hash_table_contains (expected, key));
      g_assert_true (g_str_has_prefix (row[U_NAME], "山西省技术标准创新基地（"));
      /* Earliest first; undated ones lead. */
      if (*row[U_DATE] != '\0')
        {
          g_assert_cmpstr (last_date, <=, row[U_DATE]);
          last_date = row[U_DATE];
        }
      else
        g_assert_cmpstr (last_date, ==, "");
    }
}

static void
test_due (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr(GPtrArray) due_30 = list_due (fixture, NULL, NULL);
  g_autoptr(GPtrArray) due_90 = list_due (fixture, "--within", "90");
  g_autoptr(GPtrArray) overdue = list_due (fixture, "--overdue", NULL);
  g_autoptr(GHashTable) expected_30 = expected_due (fixture, 30);
  g_autoptr(GHashTable) expected_90 = expected_due (fixture, 90);
  g_autoptr(GHashTable) expected_overdue = expected_due (fixture, -1);
  g_autoptr(Result) json = NULL;
  g_autoptr(Json) parsed = NULL;

  assert_due_matches (due_30, expected_30);
  assert_due_matches (due_90, expected_90);
  assert_due_matches (overdue, expected_overdue);
  g_assert_cmpuint (due_90->len, >=, due_30->len);
  for (guint i = 0; i < overdue->len; i++)
    {
      char **row = g_ptr_array_index (overdue, i);

      g_assert_cmpstr (row[U_STATUS], ==, "overdue");
      g_assert_cmpint (atoi (row[U_DAYS]), <, 0);
    }

  json = run (fixture, "due", "--format", "json", "--today", TODAY, "--database", fixture->db, NULL);
  assert_success (json);
  parsed = json_parse (json->out);
  g_assert_nonnull (parsed);
  g_assert_cmpuint (parsed->items->len, ==, due_30->len);
}

static void
test_due_invalid (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(Result) negative = run (fixture, "due", "--within", "-1", "--database", fixture->db, NULL);
  g_autoptr(Result) extra = run (fixture, "due", "now", "--database", fixture->db, NULL);

  assert_failure (negative, 1);
  assert_failure (extra, 2);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/json-parser", test_json_parser);

#define ADD(path, func) \
  g_test_add ("/cli/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
#define ADD_DEMO(path, func) \
  g_test_add ("/cli/" path, Fixture, NULL, fixture_set_up_demo, func, fixture_tear_down)

  ADD ("help", test_help);
  ADD ("usage-errors", test_usage_errors);
  ADD ("init", test_init);
  ADD ("demo", test_demo);
  ADD_DEMO ("list/tsv", test_list_tsv);
  ADD_DEMO ("list/json", test_list_json);
  ADD_DEMO ("list/options-first", test_options_first);
  ADD_DEMO ("list/domain", test_list_domain);
  ADD_DEMO ("list/state", test_list_state);
  ADD_DEMO ("list/unknown-filter", test_list_unknown_filter);
  ADD_DEMO ("show/text", test_show);
  ADD_DEMO ("show/json", test_show_json);
  ADD_DEMO ("deadlines/tsv", test_deadlines);
  ADD_DEMO ("deadlines/json", test_deadlines_json);
  ADD_DEMO ("due", test_due);
  ADD_DEMO ("due/invalid", test_due_invalid);
  ADD_DEMO ("transition/allowed", test_transition_allowed);
  ADD_DEMO ("transition/refused", test_transition_refused);
  ADD ("workdays/add", test_workdays_add);
  ADD ("workdays/between", test_workdays_between);
  ADD ("workdays/invalid", test_workdays_invalid);
  ADD ("validate/uscc", test_validate_uscc);
  ADD ("validate/standard", test_validate_standard);
  ADD ("calendar/import", test_calendar_import);
  ADD ("calendar/invalid", test_calendar_invalid);
  ADD_DEMO ("backup", test_backup);
  ADD_DEMO ("audit", test_audit);
  ADD ("database/missing", test_database_missing);
  ADD ("database/not-sqlite", test_database_not_sqlite);

#undef ADD
#undef ADD_DEMO

  return g_test_run ();
}
