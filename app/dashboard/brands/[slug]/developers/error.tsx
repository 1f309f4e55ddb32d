'use client';

export { PageError as default } from '@/app/account/wallet/page-states';
