import type { AppError, ErrorCode } from './errors';

// What is wrong with a file the user handed the app, or with the books' own file, as whole sentences:
// the screens (renderer/i18n), the start-up dialog and the command line all say it in these words.
// Each says what was not done, so that no one wonders whether half of it was.
const km = {
  database_too_new: 'ឯកសារទិន្នន័យនេះត្រូវបានសរសេរដោយកំណែថ្មីជាងនេះ។ សូមដំឡើងកំណែថ្មី។ ទិន្នន័យមិនត្រូវបានកែប្រែទេ។',
  database_missing: 'រកមិនឃើញឯកសារទិន្នន័យនេះទេ។ សូមពិនិត្យឈ្មោះ និងទីតាំងឯកសារ។ មិនបានបង្កើតឯកសារថ្មីទេ។',
  not_sahakum_database:
    'ឯកសារនេះមិនមែនជាឯកសារទិន្នន័យរបស់កម្មវិធីសហគមន៍ទេ។ មិនបានកែប្រែអ្វីទាំងអស់។ សូមជ្រើសរើសឯកសារទិន្នន័យត្រឹមត្រូវ ឬស្តារទិន្នន័យពីឯកសារបម្រុងទុក។',
  database_damaged:
    'ឯកសារទិន្នន័យនេះខូច (ប្រហែលជាចម្លងមិនបានពេញលេញ)។ មិនបានកែប្រែអ្វីទាំងអស់។ សូមស្តារទិន្នន័យពីឯកសារបម្រុងទុកចុងក្រោយ។',
  database_busy:
    'សៀវភៅគណនេយ្យកំពុងត្រូវបានប្រើនៅកន្លែងផ្សេង (កម្មវិធីមួយទៀត ឬកុំព្យូទ័រមួយទៀត)។ មិនបានរក្សាទុកទេ។ សូមរង់ចាំបន្តិច ហើយព្យាយាមម្តងទៀត។',
  disk_full: 'ថាសផ្ទុកទិន្នន័យពេញហើយ។ មិនបានរក្សាទុកទេ។ សូមលុបឯកសារដែលមិនត្រូវការចេញ ហើយព្យាយាមម្តងទៀត។',
  file_encoding:
    'ឯកសារនេះមិនមែនជាអត្ថបទ UTF-8 ទេ (ប្រហែលជារក្សាទុកដោយ Excel ចាស់)។ មិនបាននាំចូលអ្វីទេ។ សូមបើកវាក្នុង Excel ហើយរក្សាទុកម្តងទៀតជា «CSV UTF-8»។',
  file_too_large: 'ឯកសារនេះធំពេក (លើសពី {limit} MB)។ មិនបាននាំចូលអ្វីទេ។',
  xlsx_damaged:
    'ឯកសារនេះមិនមែនជាឯកសារ Excel (.xlsx) ដែលអាចអានបានទេ (ប្រហែលជាខូច)។ មិនបាននាំចូលអ្វីទេ។ សូមបើកវាក្នុង Excel ហើយរក្សាទុកម្តងទៀត។',
  too_many_rows: 'ឯកសារនេះមានជួរច្រើនពេក (លើសពី {limit} ជួរ)។ មិនបាននាំចូលអ្វីទេ។ សូមពិនិត្យថាជាឯកសារត្រឹមត្រូវ។',
  too_many_errors: 'កំហុសច្រើនពេក៖ បង្ហាញតែ {shown} ដំបូងប៉ុណ្ណោះ។ សូមពិនិត្យថាជាឯកសារត្រឹមត្រូវ។',
  opening_exists:
    'សមតុល្យដើមគ្រាត្រូវបានកត់ត្រារួចហើយ នៅថ្ងៃ {date} (ប្រតិបត្តិការលេខ {entry})។ មិនបានកត់ត្រាម្តងទៀតទេ។ បើចង់កត់ត្រាថ្មី ត្រូវបញ្ច្រាសប្រតិបត្តិការនោះជាមុនសិន។',
  backup_not_a_backup: 'ឯកសារនេះមិនមែនជាឯកសារបម្រុងទុករបស់កម្មវិធីសហគមន៍ទេ។ មិនបានប្តូរអ្វីទាំងអស់។',
  backup_truncated:
    'ឯកសារបម្រុងទុកនេះមិនពេញលេញ (ប្រហែលជាចម្លងមិនទាន់ចប់)។ មិនបានប្តូរអ្វីទាំងអស់។ សូមចម្លងវាម្តងទៀត ឬប្រើឯកសារបម្រុងទុកមួយទៀត។',
  backup_damaged: 'ឯកសារបម្រុងទុកនេះខូច ឬត្រូវបានកែប្រែ។ មិនបានប្តូរអ្វីទាំងអស់។ សូមប្រើឯកសារបម្រុងទុកមួយទៀត។',
  backup_too_new: 'ឯកសារបម្រុងទុកនេះត្រូវបានធ្វើដោយកំណែថ្មីជាងនេះ។ សូមដំឡើងកំណែថ្មី។ មិនបានប្តូរអ្វីទាំងអស់។',
  backup_passphrase_required: 'ឯកសារបម្រុងទុកនេះត្រូវបានចាក់សោ។ សូមបញ្ចូលពាក្យសម្ងាត់។ មិនបានប្តូរអ្វីទាំងអស់។',
  backup_wrong_passphrase: 'ពាក្យសម្ងាត់មិនត្រឹមត្រូវ។ មិនបានប្តូរអ្វីទាំងអស់។ សូមព្យាយាមម្តងទៀត។',
  backup_foreign:
    'ឯកសារបម្រុងទុកនេះជារបស់សហគមន៍ផ្សេង ({cooperative})។ មិនបានប្តូរអ្វីទាំងអស់។ សូមជ្រើសរើសឯកសារបម្រុងទុករបស់សហគមន៍នេះ។',
  backup_cancelled: 'បានបោះបង់ការបម្រុងទុក។ មិនបានសរសេរឯកសារណាមួយទេ។',
} as const;

export type FileProblem = keyof typeof km;

const en: Record<FileProblem, string> = {
  database_too_new:
    'This data file was written by a newer version of Sahakum. Please install the newer version. Nothing was changed.',
  database_missing: 'There is no data file there. Check the file name and folder. No new file was made.',
  not_sahakum_database:
    'This file is not a Sahakum data file. Nothing was changed. Choose the right data file, or restore a backup.',
  database_damaged:
    'This data file is damaged (perhaps only part of it was copied). Nothing was changed. Please restore the latest backup.',
  database_busy:
    'The books are in use elsewhere (another program or another computer). Nothing was saved. Wait a moment and try again.',
  disk_full:
    'The disk is full. Nothing was saved. Free some space by removing files you do not need, and try again.',
  file_encoding:
    'This file is not UTF-8 text (perhaps saved by an older Excel). Nothing was imported. Open it in Excel and save it again as "CSV UTF-8".',
  file_too_large: 'This file is too large (over {limit} MB). Nothing was imported.',
  xlsx_damaged:
    'This file is not an Excel workbook (.xlsx) that can be read (it may be damaged). Nothing was imported. Open it in Excel and save it again.',
  too_many_rows:
    'This file has too many rows (over {limit}). Nothing was imported. Check that this is the right file.',
  too_many_errors: 'Too many errors: only the first {shown} are listed. Check that this is the right file.',
  opening_exists:
    'Opening balances were already posted on {date} (entry {entry}). Nothing was posted again. To post them anew, reverse that entry first.',
  backup_not_a_backup: 'This file is not a Sahakum backup. Nothing was changed.',
  backup_truncated:
    'This backup is incomplete (perhaps the copy did not finish). Nothing was changed. Copy it again, or use another backup.',
  backup_damaged: 'This backup is damaged or was altered. Nothing was changed. Use another backup.',
  backup_too_new:
    'This backup was made by a newer version of Sahakum. Please install the newer version. Nothing was changed.',
  backup_passphrase_required: 'This backup is locked. Enter its passphrase. Nothing was changed.',
  backup_wrong_passphrase: 'The passphrase is not right. Nothing was changed. Try again.',
  backup_foreign:
    "This backup belongs to another cooperative ({cooperative}). Nothing was changed. Choose this cooperative's backup.",
  backup_cancelled: 'The backup was cancelled. No file was written.',
};

export const FILE_PROBLEMS: { km: Record<FileProblem, string>; en: Record<FileProblem, string> } = { km, en };

export const isFileProblem = (code: ErrorCode): code is FileProblem => Object.hasOwn(km, code);

/** The sentence for a file problem with its values filled in as given (the command line's Latin digits). */
export function fileProblemSentence(error: AppError, language: 'km' | 'en'): string | null {
  if (!isFileProblem(error.code)) return null;
  return FILE_PROBLEMS[language][error.code].replace(/\{(\w+)\}/g, (match, key: string) =>
    String(error.params?.[key] ?? match),
  );
}
