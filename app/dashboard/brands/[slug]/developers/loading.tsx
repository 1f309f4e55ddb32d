export { PageLoading as default } from '@/app/account/wallet/page-states';
