/* sb-profile.c: the people who use a programme, and what each may see
 *
 * A profile is a person in one of the regulation's roles.  Applicants and
 * recommenders act for an organisation, and see only that organisation's
 * bases: an applicant those it leads or co-applies for (Art. 11, 12), a
 * recommender those it recommended (Art. 13).  An expert sees the bases
 * whose reviews name it or whose panels it sits on.  The technical institution and the authority see
 * the whole programme (Art. 5, 6).  What each role may do is the life-cycle
 * rules' business (sb-lifecycle.c), which check the role of every step.
 */

#define G_LOG_DOMAIN "sb-profile"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sb-profile.h"

#define LAST_PROFILE_KEY "last-profile"

G_DEFINE_QUARK (sb-profile-error-quark, sb_profile_error)

gboolean
sb_profile_role_needs_organisation (SbRole role)
{
  return role == SB_ROLE_APPLICANT || role == SB_ROLE_RECOMMENDER;
}

/**
 * sb_profile_check_acting_role:
 * @required: the role the regulation gives the action to
 * @article: where it says so
 *
 * Refuses when the connection acts as a profile of another role
 * (sb_database_set_audit_actor ()), whatever a screen offered.  A
 * connection without a profile (the command line, the demo) is not judged.
 */
gboolean
sb_profile_check_acting_role (SbDatabase  *database,
                              SbRole       required,
                              int          article,
                              GError     **error)
{
  const char *acting = sb_database_get_audit_role (database);
  SbRole role;

  if (acting == NULL || *acting == '\0'
      || !sb_role_from_string (acting, &role) || role == required)
    return TRUE;

  g_set_error (error, SB_PROFILE_ERROR, SB_PROFILE_ERROR_WRONG_ROLE,
               _("Only the %s does this (Art. %d); you act as the %s"),
               sb_role_get_label (required), article, sb_role_get_label (role));
  return FALSE;
}

static SbProfile *
read_profile (sqlite3_stmt *stmt)
{
  g_autoptr(SbProfile) profile = g_new0 (SbProfile, 1);

  profile->id = sqlite3_column_int64 (stmt, 0);
  profile->name = sb_column_dup_text (stmt, 1);
  if (!sb_role_from_string ((const char *) sqlite3_column_text (stmt, 2), &profile->role))
    return NULL;
  profile->organisation_id = sqlite3_column_int64 (stmt, 3);
  profile->organisation_name = sb_column_dup_text (stmt, 4);

  return g_steal_pointer (&profile);
}

GPtrArray *
sb_profile_list (SbDatabase  *database,
                 GError     **error)
{
  static const char sql[] =
    "SELECT p.id, p.name, p.role, IFNULL (p.organisation_id, 0), o.name"
    " FROM profiles p LEFT JOIN organisations o ON o.id = p.organisation_id"
    " ORDER BY p.name, p.id";
  g_autoptr(GPtrArray) profiles = g_ptr_array_new_with_free_func ((GDestroyNotify) sb_profile_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = sb_database_prepare (database, sql, error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SbProfile *profile = read_profile (stmt);

      if (profile != NULL)
        g_ptr_array_add (profiles, profile);
    }
  if (!sb_database_finish_rows (database, stmt, rc, error))
    return NULL;

  return g_steal_pointer (&profiles);
}

SbProfile *
sb_profile_load (SbDatabase  *database,
                 gint64       id,
                 GError     **error)
{
  static const char sql[] =
    "SELECT p.id, p.name, p.role, IFNULL (p.organisation_id, 0), o.name"
    " FROM profiles p LEFT JOIN organisations o ON o.id = p.organisation_id"
    " WHERE p.id = ?";
  g_autoptr(SbProfile) profile = NULL;
  sqlite3_stmt *stmt;
  int rc;

  stmt = sb_database_prepare (database, sql, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    profile = read_profile (stmt);
  if (!sb_database_finish_rows (database, stmt, rc == SQLITE_ROW ? SQLITE_DONE : rc, error))
    return NULL;

  if (profile == NULL)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);

      g_set_error (error, SB_PROFILE_ERROR, SB_PROFILE_ERROR_NOT_FOUND,
                   _("There is no profile number %s"), number);
    }

  return g_steal_pointer (&profile);
}

/* The organisations a profile of @role may act for: the units that lead or
 * co-apply for a base, or the recommenders of Art. 13. */
GPtrArray *
sb_profile_list_organisations (SbDatabase  *database,
                               SbRole       role,
                               GError     **error)
{
  static const char applicants_sql[] =
    "SELECT id, name FROM organisations WHERE kind IN ('enterprise', 'institution')"
    " ORDER BY name";
  static const char recommenders_sql[] =
    "SELECT id, name FROM organisations"
    " WHERE kind IN ('industry_department', 'city_authority') ORDER BY id";
  g_autoptr(GPtrArray) organisations =
    g_ptr_array_new_with_free_func ((GDestroyNotify) sb_profile_organisation_free);
  sqlite3_stmt *stmt;
  int rc;

  if (!sb_profile_role_needs_organisation (role))
    return g_steal_pointer (&organisations);

  stmt = sb_database_prepare (database, role == SB_ROLE_APPLICANT ? applicants_sql
                                                                 : recommenders_sql, error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SbProfileOrganisation *organisation = g_new0 (SbProfileOrganisation, 1);

      organisation->id = sqlite3_column_int64 (stmt, 0);
      organisation->name = sb_column_dup_text (stmt, 1);
      g_ptr_array_add (organisations, organisation);
    }
  if (!sb_database_finish_rows (database, stmt, rc, error))
    return NULL;

  return g_steal_pointer (&organisations);
}

static gboolean
organisation_fits_role (SbDatabase  *database,
                        SbRole       role,
                        gint64       organisation_id,
                        GError     **error)
{
  g_autoptr(GPtrArray) organisations = sb_profile_list_organisations (database, role, error);

  if (organisations == NULL)
    return FALSE;

  for (guint i = 0; i < organisations->len; i++)
    {
      const SbProfileOrganisation *organisation = g_ptr_array_index (organisations, i);

      if (organisation->id == organisation_id)
        return TRUE;
    }

  g_set_error (error, SB_PROFILE_ERROR, SB_PROFILE_ERROR_INVALID,
               role == SB_ROLE_APPLICANT
               ? _("An applicant profile must act for an enterprise or institution of the programme (Art. 11)")
               : _("A recommender profile must act for an industry department or a city or zone "
                   "standardisation authority (Art. 13)"));
  return FALSE;
}

/* Returns the new profile's id, or 0 with @error set. */
gint64
sb_profile_add (SbDatabase  *database,
                const char  *name,
                SbRole       role,
                gint64       organisation_id,
                GError     **error)
{
  static const char sql[] =
    "INSERT INTO profiles (name, role, organisation_id, created_at)"
    " VALUES (?, ?, ?, strftime ('%Y-%m-%dT%H:%M:%SZ', 'now'))";
  g_autofree char *trimmed = g_strstrip (g_strdup (name ? name : ""));
  sqlite3_stmt *stmt;

  g_return_val_if_fail (role < SB_N_ROLES, 0);

  if (*trimmed == '\0')
    {
      g_set_error (error, SB_PROFILE_ERROR, SB_PROFILE_ERROR_INVALID,
                   _("A profile needs the name of the person who uses it"));
      return 0;
    }
  if (sb_profile_role_needs_organisation (role))
    {
      if (!organisation_fits_role (database, role, organisation_id, error))
        return 0;
    }
  else
    organisation_id = 0;

  stmt = sb_database_prepare (database, sql, error);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_text (stmt, 1, trimmed, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, sb_role_to_string (role), -1, SQLITE_STATIC);
  if (organisation_id > 0)
    sqlite3_bind_int64 (stmt, 3, organisation_id);
  else
    sqlite3_bind_null (stmt, 3);

  if (!sb_database_step_done (database, stmt, error))
    {
      if (g_error_matches (*error, SB_DATABASE_ERROR, SB_DATABASE_ERROR_CONSTRAINT))
        {
          g_clear_error (error);
          g_set_error (error, SB_PROFILE_ERROR, SB_PROFILE_ERROR_INVALID,
                       _("“%s” already has a profile in this role"), trimmed);
        }
      return 0;
    }

  return sqlite3_last_insert_rowid (sb_database_get_handle (database));
}

/* The profile used last with this database, or NULL (without an error)
 * when there is none or it has gone. */
SbProfile *
sb_profile_load_last (SbDatabase  *database,
                      GError     **error)
{
  g_autofree char *value = sb_database_get_setting (database, LAST_PROFILE_KEY);
  g_autoptr(GError) local_error = NULL;
  SbProfile *profile;
  gint64 id;

  if (value == NULL || (id = g_ascii_strtoll (value, NULL, 10)) <= 0)
    return NULL;

  profile = sb_profile_load (database, id, &local_error);
  if (profile == NULL && !g_error_matches (local_error, SB_PROFILE_ERROR, SB_PROFILE_ERROR_NOT_FOUND))
    g_propagate_error (error, g_steal_pointer (&local_error));

  return profile;
}

gboolean
sb_profile_set_last (SbDatabase       *database,
                     const SbProfile  *profile,
                     GError          **error)
{
  static const char sql[] =
    "INSERT INTO settings (key, value) VALUES ('" LAST_PROFILE_KEY "', ?)"
    " ON CONFLICT (key) DO UPDATE SET value = excluded.value";
  sqlite3_stmt *stmt = sb_database_prepare (database, sql, error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, profile->id);

  return sb_database_step_done (database, stmt, error);
}

/* The ids of the bases @profile may see, as a set of gint64 pointers, or
 * NULL (and no error) when it sees the whole programme. */
GHashTable *
sb_profile_list_visible_bases (SbDatabase       *database,
                               const SbProfile  *profile,
                               GError          **error)
{
  static const char applicant_sql[] =
    "SELECT id FROM bases WHERE lead_unit_id = ?1"
    " UNION SELECT base_id FROM base_units WHERE organisation_id = ?1";
  static const char recommender_sql[] =
    "SELECT id FROM bases WHERE recommender_id = ?1";
  static const char expert_sql[] =
    "SELECT base_id FROM reviews WHERE reviewer = ?2"
    " UNION SELECT p.base_id FROM panels p JOIN panel_members m ON m.panel_id = p.id"
    "  JOIN experts e ON e.id = m.expert_id WHERE e.name = ?2";
  g_autoptr(GHashTable) visible = NULL;
  sqlite3_stmt *stmt;
  const char *sql;
  int rc;

  switch (profile->role)
    {
    case SB_ROLE_APPLICANT:
      sql = applicant_sql;
      break;
    case SB_ROLE_RECOMMENDER:
      sql = recommender_sql;
      break;
    case SB_ROLE_EXPERT:
      sql = expert_sql;
      break;
    case SB_ROLE_TECHNICAL_INSTITUTION:
    case SB_ROLE_AUTHORITY:
    case SB_N_ROLES:
    default:
      return NULL;
    }

  stmt = sb_database_prepare (database, sql, error);
  if (stmt == NULL)
    return NULL;

  if (profile->role == SB_ROLE_EXPERT)
    sqlite3_bind_text (stmt, 2, profile->name, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_int64 (stmt, 1, profile->organisation_id);

  visible = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 *id = g_new (gint64, 1);

      *id = sqlite3_column_int64 (stmt, 0);
      g_hash_table_add (visible, id);
    }
  if (!sb_database_finish_rows (database, stmt, rc, error))
    return NULL;

  return g_steal_pointer (&visible);
}

SbProfile *
sb_profile_copy (const SbProfile *profile)
{
  SbProfile *copy;

  if (profile == NULL)
    return NULL;

  copy = g_new0 (SbProfile, 1);
  copy->id = profile->id;
  copy->name = g_strdup (profile->name);
  copy->role = profile->role;
  copy->organisation_id = profile->organisation_id;
  copy->organisation_name = g_strdup (profile->organisation_name);

  return copy;
}

void
sb_profile_free (SbProfile *profile)
{
  if (profile == NULL)
    return;

  g_free (profile->name);
  g_free (profile->organisation_name);
  g_free (profile);
}

void
sb_profile_organisation_free (SbProfileOrganisation *organisation)
{
  if (organisation == NULL)
    return;

  g_free (organisation->name);
  g_free (organisation);
}
